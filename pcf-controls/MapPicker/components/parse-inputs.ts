import type { AssetInput, WardInput } from '@wardline/core/geo/browser';
import { MapPickerError, MapPickerErrors } from './errors';

type Json = Record<string, unknown>;

function parseJson(input: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MapPickerError(MapPickerErrors.InvalidJson, { input, problem: error instanceof Error ? error.message : String(error) });
  }
}

function requireText(input: string, item: number, record: Json, field: string): string {
  const value = record[field];
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string' || !value.trim()) throw new MapPickerError(MapPickerErrors.InvalidItem, { input, item, field, problem: 'is missing or empty' });
  return value.trim();
}

function requireNumber(input: string, item: number, record: Json, field: string): number {
  const value = typeof record[field] === 'string' ? Number(record[field]) : record[field];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new MapPickerError(MapPickerErrors.InvalidItem, { input, item, field, problem: `${JSON.stringify(record[field] ?? null)} is not a number` });
  return value;
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Wards as the maker pasted them: a list of {id, code, name, boundary, vintage}, or a GeoJSON
 * FeatureCollection whose features carry code and name (and optionally id, vintage) properties.
 * Items are numbered from 1 in messages.
 */
export function parseWards(text: string | null | undefined, input = 'Wards'): WardInput[] {
  if (!text || !text.trim()) return [];
  const parsed = parseJson(input, text);
  const items: unknown[] = Array.isArray(parsed) ? parsed : isObject(parsed) && Array.isArray(parsed.features) ? parsed.features : [];
  if (!Array.isArray(parsed) && items.length === 0) throw new MapPickerError(MapPickerErrors.InvalidJson, { input, problem: 'expected a list of wards or a GeoJSON FeatureCollection' });
  return items.map((raw, i) => {
    const item = i + 1;
    if (!isObject(raw)) throw new MapPickerError(MapPickerErrors.InvalidItem, { input, item, field: '(item)', problem: 'is not an object' });
    const feature = raw.type === 'Feature';
    const record = feature && isObject(raw.properties) ? raw.properties : raw;
    const boundary = feature ? raw.geometry : raw.boundary;
    if (!isObject(boundary) && typeof boundary !== 'string') throw new MapPickerError(MapPickerErrors.InvalidItem, { input, item, field: feature ? 'geometry' : 'boundary', problem: 'is missing' });
    const code = requireText(input, item, record, 'code');
    const vintage = typeof record.vintage === 'string' ? record.vintage : null;
    const id = typeof record.id === 'string' && record.id ? record.id : code;
    return { id, code, name: requireText(input, item, record, 'name'), boundary: boundary as WardInput['boundary'], vintage };
  });
}

/** Assets as a list of {id, name, assetType, latitude, longitude}. */
export function parseAssets(text: string | null | undefined, input = 'Assets'): AssetInput[] {
  if (!text || !text.trim()) return [];
  const parsed = parseJson(input, text);
  if (!Array.isArray(parsed)) throw new MapPickerError(MapPickerErrors.InvalidJson, { input, problem: 'expected a list of assets' });
  return parsed.map((raw, i) => {
    const item = i + 1;
    if (!isObject(raw)) throw new MapPickerError(MapPickerErrors.InvalidItem, { input, item, field: '(item)', problem: 'is not an object' });
    return {
      id: requireText(input, item, raw, 'id'),
      name: requireText(input, item, raw, 'name'),
      assetType: typeof raw.assetType === 'string' && raw.assetType ? raw.assetType : 'Asset',
      latitude: requireNumber(input, item, raw, 'latitude'),
      longitude: requireNumber(input, item, raw, 'longitude'),
    };
  });
}

/** A maker's tile template: https only, with {z}, {x} and {y}. Empty means no tiles. */
export function checkTileTemplate(template: string | null | undefined): string | null {
  const value = template?.trim();
  if (!value) return null;
  if (!/^https:\/\//i.test(value) || !value.includes('{z}') || !value.includes('{x}') || !value.includes('{y}')) {
    throw new MapPickerError(MapPickerErrors.InvalidTileTemplate, { template: value });
  }
  return value;
}
