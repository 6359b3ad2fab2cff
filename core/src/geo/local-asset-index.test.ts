import { AssetIndex, type AssetInput } from './asset-index';
import { fromBritishNationalGrid, toBritishNationalGrid } from './british-national-grid';
import { LocalAssetIndex } from './local-asset-index';
import { localDistanceMetres, metresPerDegree } from './local-metres';

// Colchester Castle; assets at known offsets in metres on the grid, as asset-index.test.ts places them.
const castle = { latitude: 51.8897, longitude: 0.9025 };
const origin = toBritishNationalGrid(castle);
function assetAt(id: string, assetType: string, east: number, north: number): AssetInput {
  return { id, name: `${assetType} ${id}`, assetType, ...fromBritishNationalGrid(origin.easting + east, origin.northing + north) };
}
const assets = [assetAt('bin-1', 'litter bin', 30, 40), assetAt('bench-1', 'bench', 12, 5), assetAt('bin-2', 'litter bin', -80, 60), assetAt('tree-1', 'tree', 0, -250)];
const index = LocalAssetIndex.fromAssets(assets);

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('metresPerDegree and localDistanceMetres', () => {
  it('give the WGS84 ellipsoid its published scale', () => {
    // A degree of latitude is 110,574 m at the equator and 111,694 m at the pole (WGS84).
    expect(metresPerDegree(0).latitude).toBeCloseTo(110_574.3, 0);
    expect(metresPerDegree(90).latitude).toBeCloseTo(111_693.9, 0);
    expect(metresPerDegree(0).longitude).toBeCloseTo(111_319.5, 0);
  });

  it("matches Vincenty's geodesic distances for one minute north and east at 51.9° N, to the millimetre", () => {
    // Vincenty's inverse formula on WGS84 gives 1,854.4268 m north and 1,147.1823 m east.
    expect(localDistanceMetres({ latitude: 51.9, longitude: 0.9 }, { latitude: 51.9 + 1 / 60, longitude: 0.9 })).toBeCloseTo(1854.4268, 3);
    expect(localDistanceMetres({ latitude: 51.9, longitude: 0.9 }, { latitude: 51.9, longitude: 0.9 + 1 / 60 })).toBeCloseTo(1147.1823, 3);
    expect(localDistanceMetres(castle, castle)).toBe(0);
  });
});

describe('LocalAssetIndex', () => {
  it('finds the nearest asset within the radius, with its distance in metres', () => {
    const hit = index.nearest(castle, 100);
    expect(hit?.asset.id).toBe('bench-1');
    expect(hit?.distanceMetres).toBeCloseTo(13, 1);
    expect(index.size).toBe(4);
    expect(index.nearest(castle, 12.9)).toBeUndefined();
  });

  it('applies a filter and lists assets nearest first', () => {
    expect(index.nearest(castle, 500, (asset) => asset.assetType === 'tree')?.asset.id).toBe('tree-1');
    expect(index.within(castle, 120).map((m) => [m.asset.id, Math.round(m.distanceMetres)])).toEqual([['bench-1', 13], ['bin-1', 50], ['bin-2', 100]]);
    expect(index.within(castle, 5)).toEqual([]);
  });

  it('counts an asset exactly on the radius as within it', () => {
    const radius = localDistanceMetres(castle, assets[0]);
    expect(index.nearest(castle, radius, (asset) => asset.assetType === 'litter bin')?.asset.id).toBe('bin-1');
    expect(index.nearest(castle, radius - 1e-6, (asset) => asset.assetType === 'litter bin')).toBeUndefined();
  });

  it('breaks a tie between equally near assets by the lowest id, whatever the order', () => {
    const a = assetAt('b-asset', 'bench', 20, 0);
    const b = { ...a, id: 'a-asset' };
    for (const order of [[a, b], [b, a]]) {
      expect(LocalAssetIndex.fromAssets(order).nearest(castle, 50)?.asset.id).toBe('a-asset');
      expect(LocalAssetIndex.fromAssets(order).within(castle, 50).map((m) => m.asset.id)).toEqual(['a-asset', 'b-asset']);
    }
  });

  it("gives AssetIndex's answers on the British National Grid, to 0.05%, over 5,000 assets", () => {
    const next = random(11);
    const many = Array.from({ length: 5000 }, (_, i) => assetAt(`a${i}`, i % 3 === 0 ? 'bin' : 'sign', (next() - 0.5) * 4000, (next() - 0.5) * 4000));
    const local = LocalAssetIndex.fromAssets(many);
    const grid = AssetIndex.fromAssets(many);
    let compared = 0;
    for (let q = 0; q < 300; q += 1) {
      const p = fromBritishNationalGrid(origin.easting + (next() - 0.5) * 4400, origin.northing + (next() - 0.5) * 4400);
      const radius = next() * 150;
      const expected = grid.within(p, radius);
      const found = local.within(p, radius);
      // An asset within 0.05% of the radius's edge (on the grid) may fall either side; every other one must agree.
      const edge = new Set(grid.within(p, radius * (1 + 5e-4)).filter((m) => m.distanceMetres >= radius * (1 - 5e-4)).map((m) => m.asset.id));
      const clear = (m: { asset: AssetInput }) => !edge.has(m.asset.id);
      expect(found.filter(clear).map((m) => m.asset.id)).toEqual(expected.filter(clear).map((m) => m.asset.id));
      for (const match of found) {
        const onGrid = expected.find((m) => m.asset.id === match.asset.id);
        if (onGrid) expect(Math.abs(match.distanceMetres - onGrid.distanceMetres)).toBeLessThanOrEqual(onGrid.distanceMetres * 5e-4 + 1e-6);
        compared += 1;
      }
      const nearestBin = local.nearest(p, radius, (asset) => asset.assetType === 'bin');
      const gridBin = grid.nearest(p, radius, (asset) => asset.assetType === 'bin');
      if (nearestBin && gridBin && clear(gridBin)) expect(nearestBin.asset.id).toBe(gridBin.asset.id);
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('finds assets north, south, east and west at the radius, so its search box cuts nothing off', () => {
    for (const latitude of [49.9, 55, 60.8]) {
      const centre = { latitude, longitude: -2 };
      const scale = metresPerDegree(latitude);
      const around = [
        { id: 'n', name: 'N', assetType: 'sign', latitude: latitude + 499 / scale.latitude, longitude: -2 },
        { id: 's', name: 'S', assetType: 'sign', latitude: latitude - 499 / scale.latitude, longitude: -2 },
        { id: 'e', name: 'E', assetType: 'sign', latitude, longitude: -2 + 499 / scale.longitude },
        { id: 'w', name: 'W', assetType: 'sign', latitude, longitude: -2 - 499 / scale.longitude },
      ];
      expect(LocalAssetIndex.fromAssets(around).within(centre, 500).map((m) => m.asset.id).sort()).toEqual(['e', 'n', 's', 'w']);
      expect(LocalAssetIndex.fromAssets(around).within(centre, 498)).toEqual([]);
    }
  });

  it('refuses bad input with the asset named, as AssetIndex does', () => {
    expect(() => LocalAssetIndex.fromAssets([assets[0], assets[0]])).toThrow(expect.objectContaining({ code: 'WL-GEO-004', message: 'Asset id "bin-1" appears more than once; each asset may be indexed once.' }));
    expect(() => LocalAssetIndex.fromAssets([{ id: 'x9', name: 'Sign', assetType: 'sign', latitude: 251000, longitude: 599000 }])).toThrow('asset "x9": latitude 251000 is outside -90 to 90');
    for (const radius of [-1, Number.NaN]) {
      expect(() => index.nearest(castle, radius)).toThrow(`radiusMetres: the search radius must be a number of metres, 0 or more; got ${radius}`);
      expect(() => AssetIndex.fromAssets(assets).nearest(castle, radius)).toThrow(`radiusMetres: the search radius must be a number of metres, 0 or more; got ${radius}`);
    }
    expect(() => index.nearest({ latitude: Number.NaN, longitude: 0 }, 10)).toThrow('point: latitude NaN is not a number');
  });
});
