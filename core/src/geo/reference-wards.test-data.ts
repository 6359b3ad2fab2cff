// Test-only helper (uses Node's fs): loads the real ONS ward boundaries in
// ../shared/reference/wards (see its README) for the geo tests. Not exported from the index.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { WardGeometry } from './geojson';
import type { WardInput } from './ward-index';

export const REFERENCE_WARDS_DIR = path.resolve(__dirname, '../../../../shared/reference/wards');

/** Colchester, Maldon and Tendring, by local authority code. */
export const REFERENCE_COUNCILS = ['E07000071', 'E07000074', 'E07000076'] as const;

interface WardFeature {
  properties: { cmwd11cd: string; cmwd11nm: string; lad11cd: string; lad11nm: string };
  geometry: WardGeometry;
}

export interface ReferenceWard extends WardInput {
  boundary: WardGeometry;
  council: string;
}

export function loadReferenceWards(council: (typeof REFERENCE_COUNCILS)[number]): ReferenceWard[] {
  const file = path.join(REFERENCE_WARDS_DIR, `${council}.geojson`);
  if (!existsSync(file)) throw new Error(`Reference wards not found at ${file}: the tests expect ../shared beside the repository.`);
  const collection = JSON.parse(readFileSync(file, 'utf8')) as { features: WardFeature[] };
  return collection.features.map((feature) => ({
    id: feature.properties.cmwd11cd,
    code: feature.properties.cmwd11cd,
    name: feature.properties.cmwd11nm,
    boundary: feature.geometry,
    vintage: '2011',
    council: feature.properties.lad11nm,
  }));
}

export function loadAllReferenceWards(): ReferenceWard[] {
  return REFERENCE_COUNCILS.flatMap((council) => loadReferenceWards(council));
}
