import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectOneLineError, WARDS, workspace } from './cli-harness';

jest.setTimeout(180_000);

const ws = workspace();
afterAll(() => ws.cleanup());
const colchester = join(WARDS, 'E07000071.geojson');
const ons = ['--name-property', 'cmwd11nm', '--code-property', 'cmwd11cd'];
const square = (x: number) => [[[x, 51.89], [x + 0.01, 51.89], [x + 0.01, 51.9], [x, 51.9], [x, 51.89]]];
const feature = (props: Record<string, unknown>, coordinates: unknown = square(0.9)) => ({ type: 'Feature', properties: props, geometry: { type: 'Polygon', coordinates } });
const collection = (features: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ type: 'FeatureCollection', ...extra, features });

describe('wardline import wards', () => {
  it('loads the real ONS wards of Colchester, and a second import updates them in place', () => {
    const first = ws.run('import', 'wards', colchester, ...ons, '--council', 'Colchester City Council', '--vintage', '2011');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(`Imported 27 wards from ${colchester}: 27 new, 0 updated.\n`);
    expect(ws.counts().wl_ward).toBe(27);
    const again = ws.run('import', 'wards', colchester, ...ons);
    expect(again.stdout).toBe(`Imported 27 wards from ${colchester}: 0 new, 27 updated.\n`);
    expect(ws.run('import', 'wards', join(WARDS, 'E07000074.geojson'), ...ons).code).toBe(0);
    expect(ws.counts().wl_ward).toBe(44);
  });

  const bad: [string, string | Buffer, string[], string | RegExp][] = [
    ['a missing code', collection([feature({ NAME: 'A', CODE: 'E05000001' }), feature({ NAME: 'B', CODE: 'E05000002' }, square(0.92)), feature({ NAME: 'C' }, square(0.94))]), ['--name-property', 'NAME', '--code-property', 'CODE'], 'wardline: {file}, feature 3, field "CODE": missing'],
    ['a duplicate code', collection([feature({ NAME: 'A', CODE: 'E05000001' }), feature({ NAME: 'B', CODE: 'E05000001' }, square(0.92))]), ['--name-property', 'NAME', '--code-property', 'CODE'], 'wardline: {file}, feature 2, field "CODE": duplicate code "E05000001" (feature 1 has it too)'],
    ['a British National Grid crs', collection([feature({ NAME: 'A', CODE: 'E05000001' })], { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::27700' } } }), ['--name-property', 'NAME', '--code-property', 'CODE'], /^wardline: \{file\}, field "crs": the file's coordinate reference system is urn:ogc:def:crs:EPSG::27700 \(British National Grid eastings\/northings\); wards must be WGS84/],
    ['eastings and northings without a crs', collection([feature({ NAME: 'Castle', CODE: 'E05000001' }, [[[599000, 225000], [600000, 225000], [600000, 226000], [599000, 225000]]])]), ['--name-property', 'NAME', '--code-property', 'CODE'], /^wardline: \{file\}, feature 1, field "geometry": ward "Castle": 4 position\(s\) look like British National Grid eastings\/northings \(EPSG:27700\)/],
    ['an empty file', '', ons, 'wardline: {file}: the file is empty'],
    ['a UTF-16 file', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(collection([]), 'utf16le')]), ons, 'wardline: {file}, line 1: the file is UTF-16 encoded (it starts with a UTF-16 byte order mark); save it as UTF-8 and try again'],
    ['a Latin-1 file', Buffer.concat([Buffer.from('{"type": "FeatureCollection",\n"features": [{"type": "Feature", "properties": {"cmwd11nm": "Caf'), Buffer.from([0xe9]), Buffer.from('"}}]}')]), ons, 'wardline: {file}, line 2: the file is not valid UTF-8 (byte 0xE9; it may be Windows-1252 or Latin-1); save it as UTF-8 and try again'],
    ['malformed JSON', '{"type": "FeatureCollection",\n "features": [\n', ons, /^wardline: \{file\}(, line 3)?: the file is not valid JSON/],
    ['a Point feature', collection([{ type: 'Feature', properties: { cmwd11nm: 'A', cmwd11cd: 'E05000001' }, geometry: { type: 'Point', coordinates: [0.9, 51.89] } }]), ons, 'wardline: {file}, feature 1, field "geometry": ward "A": the geometry type is "Point"; only Polygon and MultiPolygon are accepted'],
    ['no features', collection([]), ons, 'wardline: {file}, field "features": the FeatureCollection has no features (no wards to import)'],
  ];

  it.each(bad)('refuses %s with one line and leaves the store unchanged', (_name, content, options, message) => {
    const before = ws.counts();
    const file = ws.file('wards.geojson', content);
    const expected = typeof message === 'string' ? message.replace('{file}', file) : new RegExp(message.source.replace('\\{file\\}', file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')));
    expectOneLineError(ws.run('import', 'wards', file, ...options), expected);
    expect(ws.counts()).toEqual(before);
  });

  it('refuses a missing file and a missing option', () => {
    expectOneLineError(ws.run('import', 'wards', 'nowhere.geojson', ...ons), 'wardline: nowhere.geojson: cannot be read (no such file)');
    const usage = ws.run('import', 'wards', colchester, '--name-property', 'cmwd11nm');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toBe("wardline: required option '--code-property <name>' not specified (see wardline --help)\n");
  });

  it('keeps the original boundary geometry', () => {
    const source = JSON.parse(readFileSync(colchester, 'utf8'));
    expect(source.features).toHaveLength(27);
  });
});
