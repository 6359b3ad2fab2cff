// The browser entry must load without proj4 (MapPicker's bundle budget leaves it no room) and
// without any Node built-in: each is made to fail loudly here if anything reaches for it.
jest.mock('proj4', () => {
  throw new Error('@wardline/core/geo/browser loaded proj4');
});
for (const builtin of ['fs', 'node:fs', 'crypto', 'node:crypto', 'path', 'node:path']) {
  jest.mock(builtin, () => {
    throw new Error(`@wardline/core/geo/browser loaded ${builtin}`);
  });
}

import { readFileSync } from 'node:fs';

describe('@wardline/core/geo/browser', () => {
  it('loads without proj4 or Node built-ins, and its errors are WardlineErrors', () => {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded inside the isolated registry on purpose
      const geo = require('@wardline/core/geo/browser') as typeof import('@wardline/core/geo/browser');
      const ward = { id: 'w1', code: 'E05000001', name: 'Castle', boundary: { type: 'Polygon' as const, coordinates: [[[0.9, 51.88], [0.91, 51.88], [0.91, 51.9], [0.9, 51.9], [0.9, 51.88]]] } };
      expect(geo.WardIndex.fromWards([ward]).wardAt({ latitude: 51.89, longitude: 0.905 })?.code).toBe('E05000001');
      const assets = geo.LocalAssetIndex.fromAssets([{ id: 'b1', name: 'Bench', assetType: 'bench', latitude: 51.89, longitude: 0.905 }]);
      expect(assets.nearest({ latitude: 51.89005, longitude: 0.905 }, 25)?.asset.id).toBe('b1');
      let thrown: unknown;
      try {
        geo.WardIndex.fromWards([ward, ward]);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(geo.WardlineError);
      expect(thrown).toMatchObject({ name: 'DuplicateWardError', code: 'WL-GEO-002' });
    });
  });

  it('would notice proj4: the full @wardline/core/geo entry fails to load under the same checks', () => {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded inside the isolated registry on purpose
      expect(() => require('@wardline/core/geo')).toThrow('@wardline/core/geo/browser loaded proj4');
    });
  });

  it('is listed in core/package.json exports, so bundlers outside jest find it', () => {
    const pkg = JSON.parse(readFileSync(require.resolve('../../../package.json'), 'utf8')) as { exports: Record<string, { default: string }> };
    expect(pkg.exports['./geo/browser'].default).toBe('./dist/geo/browser/index.js');
  });
});
