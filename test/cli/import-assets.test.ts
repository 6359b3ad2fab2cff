import { join } from 'node:path';
import { toBritishNationalGrid } from '@wardline/core/geo';
import { expectOneLineError, WARDS, workspace } from './cli-harness';

jest.setTimeout(180_000);

const ws = workspace();
afterAll(() => ws.cleanup());

describe('wardline import assets', () => {
  it('needs wards first', () => {
    const file = ws.file('bins.csv', 'id,type,latitude,longitude\nBIN-1,Litter bin,51.8904,0.9036\n');
    expectOneLineError(ws.run('import', 'assets', file), 'wardline: No wards are loaded. Run `wardline import wards FILE.geojson` first.');
  });

  it('loads assets with latitude/longitude and with British National Grid eastings/northings, each placed in its ward', () => {
    expect(ws.run('import', 'wards', join(WARDS, 'E07000071.geojson'), '--name-property', 'cmwd11nm', '--code-property', 'cmwd11cd').code).toBe(0);
    const latlon = ws.file('bins.csv', 'Asset ID,Asset Type,Lat,Lon,Notes\nBIN-1,Litter bin,51.8904,0.9036,By the castle\nBIN-2,Litter bin,51.8896,0.8990,\n');
    expect(ws.run('import', 'assets', latlon).stdout).toBe(`Imported 2 assets from ${latlon}: 2 new, 0 updated.\n`);
    // Colchester Castle is at about TL 9981 2535.
    const grid = ws.file('trees.csv', 'external_id,asset_type,name,easting,northing\nTRE-1,Street tree,Oak by the castle,599810,225350\nBIN-1,Litter bin,,599800,225300\n');
    expect(ws.run('import', 'assets', grid).stdout).toBe(`Imported 2 assets from ${grid}: 1 new, 1 updated.\n`);
    expect(ws.counts().wl_asset).toBe(3);
    const placed = ws.query<{ id: string; ward: string; lat: number; lon: number }>('SELECT a.wl_externalid AS id, w.wl_name AS ward, a.wl_latitude AS lat, a.wl_longitude AS lon FROM wl_asset a JOIN wl_ward w ON w.id = a.wl_ward ORDER BY 1');
    expect(placed.map((a) => [a.id, a.ward])).toEqual([['BIN-1', 'Castle'], ['BIN-2', 'Castle'], ['TRE-1', 'Castle']]);
    // BIN-1 was moved by the grid file: stored in WGS84, it converts back to within a metre of TL 99800 25300.
    const back = toBritishNationalGrid({ latitude: placed[0].lat, longitude: placed[0].lon });
    expect(Math.hypot(back.easting - 599800, back.northing - 225300)).toBeLessThan(1);
  });

  it.each([
    ['a point outside every ward', 'id,type,latitude,longitude\nBIN-9,Litter bin,51.8904,0.9036\nBIN-10,Litter bin,52.6,1.3\n', /^wardline: \{file\}, line 3, field "latitude": 52\.600000, 1\.300000 is outside every ward of the council \(use --allow-outside to keep such rows without a ward\)$/],
    ['swapped coordinates', 'id,type,latitude,longitude\nBIN-9,Litter bin,0.9036,51.8904\n', /^wardline: \{file\}, line 2, field "latitude": 0\.9036, 51\.8904 look like longitude and latitude the wrong way round$/],
    ['a duplicate id', 'id,type,latitude,longitude\nBIN-9,Litter bin,51.8904,0.9036\nBIN-9,Bench,51.8904,0.9036\n', /^wardline: \{file\}, line 3, field "id": duplicate asset id "BIN-9" \(line 2 has it too\)$/],
    ['no coordinate columns', 'id,type,where\nBIN-9,Litter bin,castle\n', /^wardline: \{file\}, line 1: unknown column\(s\) "where"/],
    ['a missing type', 'id,type,latitude,longitude\nBIN-9,,51.8904,0.9036\n', /^wardline: \{file\}, line 2, field "type": missing \(this column is required\)$/],
    ['an easting out of range', 'id,type,easting,northing\nBIN-9,Bench,7000000,225000\n', /^wardline: \{file\}, line 2, field "easting": 7000000 is not a British National Grid easting \(0 to 700000 metres\)$/],
  ])('refuses %s with one line and leaves the store unchanged', (_name, content, pattern) => {
    const before = ws.counts();
    const file = ws.file('assets.csv', content);
    expectOneLineError(ws.run('import', 'assets', file), new RegExp(pattern.source.replace('\\{file\\}', file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))));
    expect(ws.counts()).toEqual(before);
  });

  it('keeps points outside every ward when asked', () => {
    const file = ws.file('outside.csv', 'id,type,latitude,longitude\nBIN-20,Litter bin,52.6,1.3\n');
    expect(ws.run('import', 'assets', file, '--allow-outside').stdout).toBe(`Imported 1 asset from ${file}: 1 new, 0 updated, 1 outside every ward.\n`);
  });
});
