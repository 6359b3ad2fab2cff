import { toBritishNationalGrid } from '@wardline/core/geo';
import { readPoint } from './points';
import { importProblemNow } from './test-files.test-data';

const place = { file: 'assets.csv', line: 7, fields: ['latitude', 'longitude'] as [string, string] };
const fail = importProblemNow;

describe('readPoint', () => {
  it('reads WGS84 latitude and longitude', () => {
    expect(readPoint({ a: '51.8904', b: ' 0.9036 ' }, 'latlon', place)).toEqual({ latitude: 51.8904, longitude: 0.9036 });
  });

  it('converts British National Grid eastings and northings (Big Ben to within 2 m)', () => {
    const point = readPoint({ a: '530270', b: '179641' }, 'grid', { ...place, fields: ['easting', 'northing'] });
    expect(point.latitude).toBeCloseTo(51.5007, 4);
    expect(point.longitude).toBeCloseTo(-0.1246, 4);
    const back = toBritishNationalGrid(point);
    expect(Math.hypot(back.easting - 530270, back.northing - 179641)).toBeLessThan(0.01);
  });

  it('names the line and field of a bad coordinate', () => {
    expect(fail(() => readPoint({ a: '', b: '0.9' }, 'latlon', place))).toBe('assets.csv, line 7, field "latitude": missing');
    expect(fail(() => readPoint({ a: '51.9', b: 'east' }, 'latlon', place))).toBe('assets.csv, line 7, field "longitude": "east" is not a number');
    expect(fail(() => readPoint({ a: '0.9036', b: '51.8904' }, 'latlon', place))).toBe('assets.csv, line 7, field "latitude": 0.9036, 51.8904 look like longitude and latitude the wrong way round');
    expect(fail(() => readPoint({ a: '599000', b: '225000' }, 'latlon', place))).toContain('it looks like a grid reference: name the columns easting and northing');
    expect(fail(() => readPoint({ a: '-5', b: '225000' }, 'grid', { ...place, fields: ['easting', 'northing'] }))).toBe('assets.csv, line 7, field "easting": -5 is not a British National Grid easting (0 to 700000 metres)');
  });
});
