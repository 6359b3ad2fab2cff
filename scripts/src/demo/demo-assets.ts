import type { NewRow, assetTable } from '@wardline/core';
import type { WardIndex } from '@wardline/core/geo';
import { Random } from './random';

export type NewDemoAsset = NewRow<typeof assetTable>;

/** Asset kinds of the demo register, with how many of each and their id prefix. */
const KINDS = [
  { assetType: 'Litter bin', prefix: 'BIN', count: 1400, label: 'Litter bin' },
  { assetType: 'Dog bin', prefix: 'DOG', count: 300, label: 'Dog waste bin' },
  { assetType: 'Bench', prefix: 'BEN', count: 450, label: 'Bench' },
  { assetType: 'Street tree', prefix: 'TRE', count: 1600, label: 'Street tree' },
  { assetType: 'Grit bin', prefix: 'GRT', count: 120, label: 'Grit bin' },
  { assetType: 'Play equipment', prefix: 'PLY', count: 80, label: 'Play equipment' },
  { assetType: 'Bus shelter', prefix: 'BUS', count: 90, label: 'Bus shelter' },
  { assetType: 'Stile', prefix: 'STL', count: 40, label: 'Stile' },
] as const;

const TREE_SPECIES = ['London plane', 'Lime', 'Silver birch', 'Field maple', 'Norway maple', 'Cherry', 'Rowan', 'Hornbeam', 'Oak', 'Ash'];

/** A few thousand assets scattered inside the wards, each with its ward worked out from its point. */
export function generateDemoAssets(random: Random, wards: WardIndex, pointIn: () => { latitude: number; longitude: number }): NewDemoAsset[] {
  const assets: NewDemoAsset[] = [];
  for (const kind of KINDS) {
    for (let i = 1; i <= kind.count; i += 1) {
      const point = pointIn();
      const externalId = `${kind.prefix}-${String(i).padStart(5, '0')}`;
      assets.push({
        externalId,
        name: `${kind.label} ${externalId}`,
        assetType: kind.assetType,
        latitude: point.latitude,
        longitude: point.longitude,
        ward: wards.wardAt(point)?.id ?? null,
        description: kind.prefix === 'TRE' ? `${random.pick(TREE_SPECIES)}, planted ${random.int(1950, 2022)}` : null,
      });
    }
  }
  return assets;
}
