import { ImportError } from '@wardline/core';
import type { NewRow, wardTable } from '@wardline/core';
import { validateWardGeometry, type WardGeometry } from '@wardline/core/geo';
import { isPlainObject, parseJsonText } from './json-text';

export type NewWard = NewRow<typeof wardTable>;

export interface WardFileOptions {
  /** Feature property holding the ward name (ONS: e.g. WD24NM). */
  nameProperty: string;
  /** Feature property holding the ONS ward code (e.g. WD24CD). */
  codeProperty: string;
  council?: string;
  councilCode?: string;
  /** Boundary edition, e.g. 2024-12. */
  vintage?: string;
}

const WGS84_NAMES = [/CRS84$/i, /EPSG:{1,2}4326$/i, /^EPSG:4326$/i, /WGS ?84$/i];

/**
 * Reads a GeoJSON FeatureCollection of ward boundaries (Polygon or MultiPolygon in WGS84, as the
 * ONS Open Geography Portal publishes them) into ward rows. Every problem names the feature
 * (1-based) and the property; other coordinate systems are refused with what to do instead.
 */
export function parseWardFile(text: string, file: string, options: WardFileOptions): NewWard[] {
  const document = parseJsonText(text, file);
  if (!isPlainObject(document)) throw new ImportError(file, 'the file is not a GeoJSON FeatureCollection (it is not a JSON object)');
  checkCrs(document.crs, file);
  if (document.type !== 'FeatureCollection') {
    throw new ImportError(file, `the file is a GeoJSON ${JSON.stringify(document.type) ?? 'object without a type'}; a FeatureCollection of ward features is needed`, { field: 'type' });
  }
  const features = document.features;
  if (!Array.isArray(features)) throw new ImportError(file, 'the FeatureCollection has no "features" list', { field: 'features' });
  if (features.length === 0) throw new ImportError(file, 'the FeatureCollection has no features (no wards to import)', { field: 'features' });
  const codes = new Map<string, number>();
  return features.map((feature: unknown, i) => {
    const ward = readFeature(feature, i + 1, file, options);
    const previous = codes.get(ward.code);
    if (previous !== undefined) throw new ImportError(file, `duplicate code "${ward.code}" (feature ${previous} has it too)`, { feature: i + 1, field: options.codeProperty });
    codes.set(ward.code, i + 1);
    return ward;
  });
}

function checkCrs(crs: unknown, file: string): void {
  if (crs === undefined || crs === null) return;
  const name = isPlainObject(crs) && isPlainObject(crs.properties) ? crs.properties.name : undefined;
  if (typeof name === 'string' && WGS84_NAMES.some((pattern) => pattern.test(name.trim()))) return;
  const described = typeof name === 'string' ? name : JSON.stringify(crs);
  const hint = /27700/.test(described) ? ' (British National Grid eastings/northings)' : '';
  throw new ImportError(
    file,
    `the file's coordinate reference system is ${described}${hint}; wards must be WGS84 longitude/latitude (EPSG:4326). Download the boundaries as GeoJSON in WGS84 or convert them first (e.g. ogr2ogr -t_srs EPSG:4326)`,
    { field: 'crs' },
  );
}

function readFeature(feature: unknown, n: number, file: string, options: WardFileOptions): NewWard {
  if (!isPlainObject(feature) || feature.type !== 'Feature') throw new ImportError(file, 'not a GeoJSON Feature', { feature: n });
  const properties = isPlainObject(feature.properties) ? feature.properties : {};
  const code = readProperty(properties, options.codeProperty, n, file, 9);
  const name = readProperty(properties, options.nameProperty, n, file, 200);
  const geometry = feature.geometry;
  if (!isPlainObject(geometry)) throw new ImportError(file, `ward "${name}" has no geometry`, { feature: n, field: 'geometry' });
  const problems = validateWardGeometry(geometry);
  if (problems.length > 0) {
    throw new ImportError(file, `ward "${name}": ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? `; and ${problems.length - 3} more` : ''}`, { feature: n, field: 'geometry' });
  }
  const boundary: WardGeometry = { type: geometry.type as WardGeometry['type'], coordinates: geometry.coordinates } as WardGeometry;
  return {
    name,
    code,
    council: options.council ?? null,
    councilCode: options.councilCode ?? null,
    boundary: JSON.stringify(boundary),
    vintage: options.vintage ?? null,
  };
}

function readProperty(properties: Record<string, unknown>, property: string, n: number, file: string, maxLength: number): string {
  const value = properties[property];
  if (value === undefined || value === null) {
    const available = Object.keys(properties);
    const hint = n === 1 && available.length ? ` (its properties are: ${available.join(', ')})` : '';
    throw new ImportError(file, `missing${hint}`, { feature: n, field: property });
  }
  if (typeof value !== 'string' && typeof value !== 'number') throw new ImportError(file, `${JSON.stringify(value)} is not text`, { feature: n, field: property });
  const text = String(value).trim();
  if (text === '') throw new ImportError(file, 'empty', { feature: n, field: property });
  if (text.length > maxLength) throw new ImportError(file, `"${text}" is longer than ${maxLength} characters`, { feature: n, field: property });
  return text;
}
