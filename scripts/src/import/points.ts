import { ImportError } from '@wardline/core';
import { fromBritishNationalGrid, type LatLon, type WardHit, type WardIndex } from '@wardline/core/geo';

/** The coordinate columns of a file: WGS84 latitude/longitude, or OSGB36 British National Grid easting/northing. */
export type PointColumns<F extends string> = { kind: 'latlon'; latitude: F; longitude: F } | { kind: 'grid'; easting: F; northing: F };

/** Which coordinate pair a header provides, or an error naming what is missing. */
export function pointColumns<F extends string>(file: string, present: Partial<Record<F, number>>, names: { latitude: F; longitude: F; easting: F; northing: F }): PointColumns<F> {
  const has = (f: F) => present[f] !== undefined;
  if (has(names.latitude) && has(names.longitude)) return { kind: 'latlon', latitude: names.latitude, longitude: names.longitude };
  if (has(names.easting) && has(names.northing)) return { kind: 'grid', easting: names.easting, northing: names.northing };
  throw new ImportError(file, 'the header needs "latitude" and "longitude" columns (WGS84) or "easting" and "northing" columns (British National Grid)', { line: 1 });
}

const number = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.trim()));

/**
 * Reads one row's point in WGS84. Grid references are converted with proj4 (core/geo); values are
 * range-checked so a swapped pair or the wrong system is caught with a clear message.
 */
export function readPoint(cells: { a: string; b: string }, kind: 'latlon' | 'grid', place: { file: string; line: number; fields: [string, string] }): LatLon {
  const a = number(cells.a);
  const b = number(cells.b);
  const [fa, fb] = place.fields;
  const fail = (field: string, problem: string): never => {
    throw new ImportError(place.file, problem, { line: place.line, field });
  };
  if (!Number.isFinite(a)) fail(fa, cells.a.trim() === '' ? 'missing' : `"${cells.a}" is not a number`);
  if (!Number.isFinite(b)) fail(fb, cells.b.trim() === '' ? 'missing' : `"${cells.b}" is not a number`);
  if (kind === 'grid') {
    if (a < 0 || a > 700000) fail(fa, `${a} is not a British National Grid easting (0 to 700000 metres)`);
    if (b < 0 || b > 1300000) fail(fb, `${b} is not a British National Grid northing (0 to 1300000 metres)`);
    return fromBritishNationalGrid(a, b);
  }
  if (Math.abs(a) > 90) fail(fa, `${a} is not a latitude (-90 to 90)${a > 1000 ? '; it looks like a grid reference: name the columns easting and northing' : ''}`);
  if (Math.abs(b) > 180) fail(fb, `${b} is not a longitude (-180 to 180)`);
  if (a > -11 && a < 3 && b > 49 && b < 61) fail(fa, `${a}, ${b} look like longitude and latitude the wrong way round`);
  return { latitude: a, longitude: b };
}

/** The ward a point is in; outside every ward is an error naming the line unless `allowOutside`. */
export function wardOf(wards: WardIndex, point: LatLon, place: { file: string; line: number; field: string; allowOutside?: boolean }): WardHit | undefined {
  const ward = wards.wardAt(point);
  if (!ward && !place.allowOutside) {
    throw new ImportError(place.file, `${point.latitude.toFixed(6)}, ${point.longitude.toFixed(6)} is outside every ward of the council (use --allow-outside to keep such rows without a ward)`, { line: place.line, field: place.field });
  }
  return ward;
}
