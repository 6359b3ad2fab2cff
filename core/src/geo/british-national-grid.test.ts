import { distanceMetres, fromBritishNationalGrid, toBritishNationalGrid } from './british-national-grid';

describe('British National Grid', () => {
  it('puts Big Ben at E 530270 N 179641 (PLATFORM-NOTES) within 5 m', () => {
    const { easting, northing } = toBritishNationalGrid({ latitude: 51.5007, longitude: -0.1246 });
    expect(Math.abs(easting - 530270)).toBeLessThan(5);
    expect(Math.abs(northing - 179641)).toBeLessThan(5);
  });

  it('converts grid references back to the same latitude/longitude', () => {
    for (const [latitude, longitude] of [[51.8904, 0.9036], [57.1497, -2.0943], [50.0657, -5.7132], [51.5007, -0.1246]]) {
      const grid = toBritishNationalGrid({ latitude, longitude });
      const back = fromBritishNationalGrid(grid.easting, grid.northing);
      expect(back.latitude).toBeCloseTo(latitude, 7);
      expect(back.longitude).toBeCloseTo(longitude, 7);
    }
  });

  it('measures ground distance in metres', () => {
    const a = fromBritishNationalGrid(600000, 225000);
    const b = fromBritishNationalGrid(600300, 225400);
    expect(distanceMetres(a, b)).toBeCloseTo(500, 3);
    expect(distanceMetres(a, a)).toBe(0);
    // Big Ben to Colchester Castle: 83.165 km on the WGS84 ellipsoid (Vincenty); the grid agrees to 0.1%.
    const km = distanceMetres({ latitude: 51.5007, longitude: -0.1246 }, { latitude: 51.8897, longitude: 0.9025 }) / 1000;
    expect(km).toBeGreaterThan(83.165 * 0.999);
    expect(km).toBeLessThan(83.165 * 1.001);
  });

  it('refuses coordinates that are not numbers or outside WGS84', () => {
    expect(() => toBritishNationalGrid({ latitude: 91, longitude: 0 })).toThrow('point: latitude 91 is outside -90 to 90');
    expect(() => toBritishNationalGrid({ latitude: 51, longitude: Number.POSITIVE_INFINITY })).toThrow(expect.objectContaining({ code: 'WL-GEO-003' }));
    expect(() => fromBritishNationalGrid(Number.NaN, 1)).toThrow(expect.objectContaining({ code: 'WL-CORE-001' }));
  });
});
