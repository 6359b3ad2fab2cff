import { AssetIndex, type AssetInput } from './asset-index';
import type { LatLon } from './lat-lon';
import { distanceMetres, fromBritishNationalGrid, toBritishNationalGrid } from './british-national-grid';

// Colchester Castle on the grid; assets are placed at known offsets in metres from it (the
// round trip through latitude/longitude moves them by under a millimetre).
const castle = { latitude: 51.8897, longitude: 0.9025 };
const origin = toBritishNationalGrid(castle);
function assetAt(id: string, assetType: string, east: number, north: number): AssetInput {
  return { id, name: `${assetType} ${id}`, assetType, ...fromBritishNationalGrid(origin.easting + east, origin.northing + north) };
}

const assets = [
  assetAt('bin-1', 'litter bin', 30, 40), // 50 m
  assetAt('bench-1', 'bench', 12, 5), // 13 m
  assetAt('bin-2', 'litter bin', -80, 60), // 100 m
  assetAt('tree-1', 'tree', 0, -250), // 250 m
];
const index = AssetIndex.fromAssets(assets);

/** A small deterministic generator, so the cross-check below is the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('AssetIndex', () => {
  it('finds the nearest asset within the radius, with its distance in metres', () => {
    const hit = index.nearest(castle, 100);
    expect(hit?.asset.id).toBe('bench-1');
    expect(hit?.distanceMetres).toBeCloseTo(13, 2);
    expect(index.size).toBe(4);
  });

  it('finds nothing when every asset is beyond the radius', () => {
    expect(index.nearest(castle, 12.9)).toBeUndefined();
    expect(index.nearest({ latitude: 51.5007, longitude: -0.1246 }, 1000)).toBeUndefined();
  });

  it('counts an asset exactly on the radius as within it', () => {
    const radius = distanceMetres(castle, assets[0]);
    expect(radius).toBeCloseTo(50, 2);
    expect(index.nearest(castle, radius, (asset) => asset.assetType === 'litter bin')?.asset.id).toBe('bin-1');
    expect(index.nearest(castle, radius - 1e-6, (asset) => asset.assetType === 'litter bin')).toBeUndefined();
  });

  it('applies a filter, such as the asset type a task type is about', () => {
    expect(index.nearest(castle, 500, (asset) => asset.assetType === 'tree')?.asset.id).toBe('tree-1');
    expect(index.nearest(castle, 200, (asset) => asset.assetType === 'tree')).toBeUndefined();
  });

  it('lists every asset within the radius, nearest first', () => {
    expect(index.within(castle, 120).map((m) => [m.asset.id, Math.round(m.distanceMetres)])).toEqual([['bench-1', 13], ['bin-1', 50], ['bin-2', 100]]);
    expect(index.within(castle, 5)).toEqual([]);
  });

  it('breaks a tie between equally near assets by the lowest id, whatever the order', () => {
    const a = assetAt('b-asset', 'bench', 20, 0);
    const b = { ...a, id: 'a-asset' }; // a second bench on the same spot
    for (const order of [[a, b], [b, a]]) {
      expect(AssetIndex.fromAssets(order).nearest(castle, 50)?.asset.id).toBe('a-asset');
      expect(AssetIndex.fromAssets(order).within(castle, 50).map((m) => m.asset.id)).toEqual(['a-asset', 'b-asset']);
    }
  });

  it('agrees with a brute-force search over 5,000 assets', () => {
    const next = random(7);
    const many = Array.from({ length: 5000 }, (_, i) => assetAt(`a${i}`, i % 3 === 0 ? 'bin' : 'sign', (next() - 0.5) * 4000, (next() - 0.5) * 4000));
    const big = AssetIndex.fromAssets(many);
    const grid = many.map((asset) => toBritishNationalGrid(asset));
    const planar = (p: LatLon, i: number) => {
      const q = toBritishNationalGrid(p);
      return Math.hypot(q.easting - grid[i].easting, q.northing - grid[i].northing);
    };
    for (let q = 0; q < 200; q += 1) {
      const p = fromBritishNationalGrid(origin.easting + (next() - 0.5) * 4400, origin.northing + (next() - 0.5) * 4400);
      const radius = next() * 150;
      const expected = many
        .map((asset, i) => ({ asset, distanceMetres: planar(p, i) }))
        .filter((m) => m.distanceMetres <= radius)
        .sort((x, y) => x.distanceMetres - y.distanceMetres);
      const found = big.within(p, radius);
      expect(found.map((m) => m.asset.id)).toEqual(expected.map((m) => m.asset.id));
      expect(big.nearest(p, radius, (asset) => asset.assetType === 'bin')?.asset.id).toBe(expected.find((m) => m.asset.assetType === 'bin')?.asset.id);
    }
  });

  it('refuses bad input with the asset named', () => {
    expect(() => AssetIndex.fromAssets([assets[0], assets[0]])).toThrow(expect.objectContaining({ code: 'WL-GEO-004', message: 'Asset id "bin-1" appears more than once; each asset may be indexed once.' }));
    expect(() => AssetIndex.fromAssets([{ id: 'x9', name: 'Sign', assetType: 'sign', latitude: 251000, longitude: 599000 }])).toThrow('asset "x9": latitude 251000 is outside -90 to 90');
    expect(() => index.nearest(castle, -1)).toThrow('radiusMetres: the search radius must be a number of metres, 0 or more; got -1');
  });
});
