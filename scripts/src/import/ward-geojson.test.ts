import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeUtf8 } from './encoding';
import { parseWardFile } from './ward-geojson';

const reference = join(__dirname, '../../../../shared/reference/wards');
const options = { nameProperty: 'cmwd11nm', codeProperty: 'cmwd11cd', vintage: '2011' };
const square = (x = 0.9, y = 51.89) => ({ type: 'Polygon', coordinates: [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]] });
const feature = (props: Record<string, unknown>, geometry: unknown = square()) => ({ type: 'Feature', properties: props, geometry });
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
import { importProblemNow } from './test-files.test-data';

const problem = importProblemNow;

describe('parseWardFile', () => {
  it('reads the real ONS wards of Colchester, Maldon and Tendring', () => {
    for (const [file, count] of [['E07000071', 27], ['E07000074', 17], ['E07000076', 35]] as const) {
      const text = decodeUtf8(readFileSync(join(reference, `${file}.geojson`)), `${file}.geojson`);
      const wards = parseWardFile(text, `${file}.geojson`, { ...options, council: 'Essex' });
      expect(wards).toHaveLength(count);
      expect(wards.every((w) => /^E36\d{6}$/.test(w.code) && w.council === 'Essex' && w.vintage === '2011')).toBe(true);
    }
    const colchester = parseWardFile(readFileSync(join(reference, 'E07000071.geojson'), 'utf8'), 'c.geojson', options);
    const castle = colchester.find((w) => w.name === 'Castle');
    expect(JSON.parse(castle?.boundary ?? '{}').type).toBe('Polygon');
    expect(colchester.some((w) => JSON.parse(w.boundary).type === 'MultiPolygon')).toBe(true);
  });

  it('names the feature and property that is missing', () => {
    const text = collection(feature({ NAME: 'A', CODE: 'E05000001' }), feature({ NAME: 'B', CODE: 'E05000002' }), feature({ NAME: 'C' }));
    expect(problem(() => parseWardFile(text, 'wards.geojson', { nameProperty: 'NAME', codeProperty: 'CODE' }))).toBe('wards.geojson, feature 3, field "CODE": missing');
  });

  it('lists the properties there are when the first feature lacks the named one', () => {
    const text = collection(feature({ WD24NM: 'A', WD24CD: 'E05000001' }));
    expect(problem(() => parseWardFile(text, 'w.geojson', { nameProperty: 'NAME', codeProperty: 'WD24CD' }))).toBe('w.geojson, feature 1, field "NAME": missing (its properties are: WD24NM, WD24CD)');
  });

  it('refuses duplicate codes, naming both features', () => {
    const text = collection(feature({ NAME: 'A', CODE: 'E05000001' }), feature({ NAME: 'B', CODE: 'E05000001' }, square(0.95)));
    expect(problem(() => parseWardFile(text, 'w.geojson', { nameProperty: 'NAME', codeProperty: 'CODE' }))).toBe('w.geojson, feature 2, field "CODE": duplicate code "E05000001" (feature 1 has it too)');
  });

  it('refuses British National Grid files by their crs member', () => {
    const text = JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::27700' } }, features: [feature({ NAME: 'A', CODE: 'E05000001' })] });
    expect(problem(() => parseWardFile(text, 'w.geojson', { nameProperty: 'NAME', codeProperty: 'CODE' }))).toMatch(/^w\.geojson, field "crs": the file's coordinate reference system is urn:ogc:def:crs:EPSG::27700 \(British National Grid eastings\/northings\); wards must be WGS84/);
  });

  it('refuses coordinates that look like eastings and northings', () => {
    const grid = { type: 'Polygon', coordinates: [[[599000, 225000], [600000, 225000], [600000, 226000], [599000, 225000]]] };
    const text = collection(feature({ NAME: 'Castle', CODE: 'E05000001' }, grid));
    expect(problem(() => parseWardFile(text, 'w.geojson', { nameProperty: 'NAME', codeProperty: 'CODE' }))).toMatch(/^w\.geojson, feature 1, field "geometry": ward "Castle": 4 position\(s\) look like British National Grid eastings\/northings/);
  });

  it('refuses other geometries, empty collections and non-collections', () => {
    const point = collection(feature({ NAME: 'A', CODE: 'E05000001' }, { type: 'Point', coordinates: [0.9, 51.89] }));
    expect(problem(() => parseWardFile(point, 'w.geojson', { nameProperty: 'NAME', codeProperty: 'CODE' }))).toContain('only Polygon and MultiPolygon are accepted');
    expect(problem(() => parseWardFile(collection(), 'w.geojson', { nameProperty: 'NAME', codeProperty: 'CODE' }))).toBe('w.geojson, field "features": the FeatureCollection has no features (no wards to import)');
    expect(problem(() => parseWardFile(JSON.stringify(feature({})), 'w.geojson', { nameProperty: 'NAME', codeProperty: 'CODE' }))).toContain('the file is a GeoJSON "Feature"; a FeatureCollection');
  });

  it('names the line of a JSON syntax error', () => {
    expect(problem(() => parseWardFile('{\n "type": "FeatureCollection",\n "features": [\n  {,}\n ]\n}', 'w.geojson', options))).toMatch(/^w\.geojson, line 4: the file is not valid JSON/);
  });

  it('refuses codes longer than an ONS code', () => {
    const text = collection(feature({ NAME: 'A', CODE: 'E0500000123' }));
    expect(problem(() => parseWardFile(text, 'w.geojson', { nameProperty: 'NAME', codeProperty: 'CODE' }))).toBe('w.geojson, feature 1, field "CODE": "E0500000123" is longer than 9 characters');
  });
});
