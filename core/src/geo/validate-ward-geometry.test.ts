import { toBritishNationalGrid } from './british-national-grid';
import type { PolygonGeometry } from './geojson';
import { geometryBounds, validateWardGeometry } from './validate-ward-geometry';
import { loadAllReferenceWards, loadReferenceWards } from './reference-wards.test-data';

const square = [[0.5, 51.5], [0.6, 51.5], [0.6, 51.6], [0.5, 51.6], [0.5, 51.5]];

describe('validateWardGeometry', () => {
  it('accepts every real ONS ward boundary, as an object or as JSON text', () => {
    for (const ward of loadAllReferenceWards()) {
      expect(validateWardGeometry(ward.boundary)).toEqual([]);
      expect(validateWardGeometry(JSON.stringify(ward.boundary))).toEqual([]);
    }
  });

  it('names a wrong geometry type, a Feature, or something that is not GeoJSON', () => {
    expect(validateWardGeometry({ type: 'LineString', coordinates: square })).toEqual(['the geometry type is "LineString"; only Polygon and MultiPolygon are accepted']);
    expect(validateWardGeometry({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [square] } })).toEqual(['the boundary is a GeoJSON Feature; give its "geometry" instead']);
    expect(validateWardGeometry(42)).toEqual(['the boundary is not a GeoJSON geometry object']);
    expect(validateWardGeometry('{"type":"Polygon"')[0]).toMatch(/^the boundary is not valid JSON/);
    expect(validateWardGeometry({ type: 'Polygon', coordinates: [] })).toEqual(['the Polygon has no coordinates']);
    expect(validateWardGeometry({ type: 'MultiPolygon', coordinates: [[square], []] })).toEqual(['polygon 2 has no rings']);
  });

  it('finds unclosed rings, short rings and non-numeric positions, saying where', () => {
    expect(validateWardGeometry({ type: 'Polygon', coordinates: [square.slice(0, 4)] })).toEqual(['outer ring is not closed: its last position must repeat its first']);
    expect(validateWardGeometry({ type: 'Polygon', coordinates: [square, [[0.52, 51.52], [0.53, 51.52], [0.52, 51.52]]] })).toEqual([
      'hole 1 has 3 position(s); a ring needs at least 4 (a triangle, closed)',
    ]);
    expect(validateWardGeometry({ type: 'MultiPolygon', coordinates: [[square], [[[0.7, 51.5], [0.8, '51.5'], [0.8, 51.6], [0.7], [0.7, 51.5]]]] })).toEqual([
      'polygon 2, outer ring, position 2: [0.8,"51.5"] is not a pair of numbers',
      'polygon 2, outer ring, position 4: not a [longitude, latitude] pair',
    ]);
  });

  it('says when coordinates look like eastings and northings rather than WGS84', () => {
    const castle = loadReferenceWards('E07000071').find((ward) => ward.name === 'Castle')!;
    const ring = (castle.boundary as PolygonGeometry).coordinates[0].map(([longitude, latitude]) => {
      const grid = toBritishNationalGrid({ latitude, longitude });
      return [grid.easting, grid.northing];
    });
    const problems = validateWardGeometry({ type: 'Polygon', coordinates: [ring] });
    expect(problems[0]).toBe(`${ring.length} position(s) look like British National Grid eastings/northings (EPSG:27700), not WGS84 longitude/latitude; convert the file to WGS84 (EPSG:4326) first`);
    expect(problems[1]).toMatch(/^outer ring, position 1: \d+(\.\d+)?, \d+(\.\d+)? is outside WGS84's range \(it looks like an easting and northing\)$/);
    expect(problems).toHaveLength(21); // capped: 20 problems, then a count of the rest
    expect(problems[20]).toBe(`and ${ring.length + 1 - 20} more problem(s)`);
  });

  it('reports other out-of-range coordinates plainly', () => {
    const ring = [[0.5, 51.5], [-200, 51.5], [0.6, 95], [0.5, 51.5]];
    expect(validateWardGeometry({ type: 'Polygon', coordinates: [ring] })).toEqual([
      "outer ring, position 2: -200, 51.5 is outside WGS84's range (longitude -180 to 180, latitude -90 to 90)",
      "outer ring, position 3: 0.6, 95 is outside WGS84's range (longitude -180 to 180, latitude -90 to 90)",
    ]);
  });
});

describe('geometryBounds', () => {
  it('boxes a MultiPolygon across all its parts', () => {
    const other = square.map(([x, y]) => [x + 1, y - 1]);
    const expected = { minLatitude: 50.5, minLongitude: 0.5, maxLatitude: 51.6, maxLongitude: 1.6 };
    expect(geometryBounds({ type: 'MultiPolygon', coordinates: [[square], [other]] })).toEqual(expected);
    expect(geometryBounds(JSON.stringify({ type: 'MultiPolygon', coordinates: [[other], [square]] }))).toEqual(expected);
  });
});
