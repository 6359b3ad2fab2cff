import type { LatLonBounds } from './lat-lon';
import { polygonsOf, type WardGeometry } from './geojson';

const MAX_PROBLEMS = 20;

/**
 * Checks that a ward boundary is a usable WGS84 GeoJSON Polygon or MultiPolygon (RFC 7946), given
 * as an object or as JSON text. Returns human-readable problems, each naming where it is (polygon,
 * ring, position); an empty list means the geometry is usable. Coordinates that look like British
 * National Grid eastings/northings are reported as such, so an importer can say which CRS it needs.
 */
export function validateWardGeometry(geometry: unknown): string[] {
  const problems: string[] = [];
  const value = typeof geometry === 'string' ? parseJson(geometry, problems) : geometry;
  if (problems.length > 0) return problems;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return ['the boundary is not a GeoJSON geometry object'];
  const type = (value as { type?: unknown }).type;
  if (type === 'Feature') return ['the boundary is a GeoJSON Feature; give its "geometry" instead'];
  if (type !== 'Polygon' && type !== 'MultiPolygon') return [`the geometry type is ${JSON.stringify(type) ?? 'missing'}; only Polygon and MultiPolygon are accepted`];
  const coordinates = (value as { coordinates?: unknown }).coordinates;
  if (!Array.isArray(coordinates) || coordinates.length === 0) return [`the ${type} has no coordinates`];
  const polygons: unknown[] = type === 'Polygon' ? [coordinates] : coordinates;
  const gridLike = { count: 0 };
  polygons.forEach((polygon, p) => checkPolygon(polygon, type === 'Polygon' ? '' : `polygon ${p + 1}, `, problems, gridLike));
  if (gridLike.count > 0) {
    problems.unshift(`${gridLike.count} position(s) look like British National Grid eastings/northings (EPSG:27700), not WGS84 longitude/latitude; convert the file to WGS84 (EPSG:4326) first`);
  }
  if (problems.length > MAX_PROBLEMS) return [...problems.slice(0, MAX_PROBLEMS), `and ${problems.length - MAX_PROBLEMS} more problem(s)`];
  return problems;
}

function parseJson(text: string, problems: string[]): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    problems.push(`the boundary is not valid JSON (${(error as Error).message})`);
    return undefined;
  }
}

function checkPolygon(polygon: unknown, where: string, problems: string[], gridLike: { count: number }): void {
  if (!Array.isArray(polygon) || polygon.length === 0) {
    problems.push(where ? `${where.slice(0, -2)} has no rings` : 'the polygon has no rings');
    return;
  }
  polygon.forEach((ring: unknown, r) => {
    const at = `${where}${r === 0 ? 'outer ring' : `hole ${r}`}`;
    if (!Array.isArray(ring)) {
      problems.push(`${at} is not a list of positions`);
      return;
    }
    if (ring.length < 4) problems.push(`${at} has ${ring.length} position(s); a ring needs at least 4 (a triangle, closed)`);
    let numeric = true;
    ring.forEach((position: unknown, i) => {
      const problem = checkPosition(position, gridLike);
      if (problem) {
        numeric = false;
        problems.push(`${at}, position ${i + 1}: ${problem}`);
      }
    });
    if (numeric && ring.length > 0 && !samePosition(ring[0] as number[], ring[ring.length - 1] as number[])) {
      problems.push(`${at} is not closed: its last position must repeat its first`);
    }
  });
}

function checkPosition(position: unknown, gridLike: { count: number }): string | undefined {
  if (!Array.isArray(position) || position.length < 2) return 'not a [longitude, latitude] pair';
  const [longitude, latitude] = position as unknown[];
  if (typeof longitude !== 'number' || !Number.isFinite(longitude) || typeof latitude !== 'number' || !Number.isFinite(latitude)) {
    return `${JSON.stringify(position)} is not a pair of numbers`;
  }
  if (longitude >= -180 && longitude <= 180 && latitude >= -90 && latitude <= 90) return undefined;
  if (longitude >= 1000 && longitude <= 700000 && latitude >= 1000 && latitude <= 1300000) {
    gridLike.count += 1;
    return `${longitude}, ${latitude} is outside WGS84's range (it looks like an easting and northing)`;
  }
  return `${longitude}, ${latitude} is outside WGS84's range (longitude -180 to 180, latitude -90 to 90)`;
}

function samePosition(a: number[], b: number[]): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/**
 * The WGS84 bounding box of a ward geometry, as an object or JSON text (its outer rings; holes lie
 * inside them). Validate the geometry first: this does not check it.
 */
export function geometryBounds(boundary: WardGeometry | string): LatLonBounds {
  const geometry = typeof boundary === 'string' ? (JSON.parse(boundary) as WardGeometry) : boundary;
  let minLongitude = Infinity;
  let minLatitude = Infinity;
  let maxLongitude = -Infinity;
  let maxLatitude = -Infinity;
  for (const polygon of polygonsOf(geometry)) {
    for (const [longitude, latitude] of polygon[0] ?? []) {
      if (longitude < minLongitude) minLongitude = longitude;
      if (longitude > maxLongitude) maxLongitude = longitude;
      if (latitude < minLatitude) minLatitude = latitude;
      if (latitude > maxLatitude) maxLatitude = latitude;
    }
  }
  return { minLatitude, minLongitude, maxLatitude, maxLongitude };
}
