/**
 * Node-only test helper: the real ONS ward boundaries in ../shared/reference/wards (see its
 * README), as MapPicker's `wards` input, plus a point known to lie inside a ward (polylabel).
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import polylabel from 'polylabel';

export const REFERENCE_WARDS_DIR = path.resolve(__dirname, '../../../shared/reference/wards');

interface WardFeature {
  properties: { cmwd11cd: string; cmwd11nm: string };
  geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
}

export interface WardsInput {
  id: string;
  code: string;
  name: string;
  boundary: WardFeature['geometry'];
  vintage: string;
}

/** Maldon District's 17 wards (E07000074) by default. */
export function referenceWards(council = 'E07000074'): WardsInput[] {
  const file = path.join(REFERENCE_WARDS_DIR, `${council}.geojson`);
  if (!existsSync(file)) throw new Error(`Reference wards not found at ${file}: the tests expect ../shared beside the repository.`);
  const collection = JSON.parse(readFileSync(file, 'utf8')) as { features: WardFeature[] };
  return collection.features.map((f) => ({ id: f.properties.cmwd11cd, code: f.properties.cmwd11cd, name: f.properties.cmwd11nm, boundary: f.geometry, vintage: '2011' }));
}

/** A point well inside the ward (the pole of inaccessibility of its largest polygon). */
export function pointInside(ward: WardsInput): { latitude: number; longitude: number } {
  const polygons = ward.boundary.type === 'Polygon' ? [ward.boundary.coordinates] : ward.boundary.coordinates;
  const largest = polygons.reduce((a, b) => (b[0].length > a[0].length ? b : a));
  const [longitude, latitude] = polylabel(largest, 0.00001);
  return { latitude: Math.round(latitude * 1e6) / 1e6, longitude: Math.round(longitude * 1e6) / 1e6 };
}

/** Westminster: outside every Essex ward. */
export const OUTSIDE_EVERY_WARD = { latitude: 51.5007, longitude: -0.1246 };
