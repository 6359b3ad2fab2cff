import { assetTable, environmentVariables, logicalName, primaryIdName, wardTable } from '@wardline/core/model';
import type { AssetInput, LatLon, WardInput } from '@wardline/core/geo/browser';

type WebApi = ComponentFramework.WebApi;
type Entity = ComponentFramework.WebApi.Entity;

/** Rows a control reads in one go at most: a council has tens of wards and thousands of assets nearby at worst. */
const MAX_ROWS = 5000;
const PAGE = 500;

async function readAll(webApi: WebApi, table: string, query: string): Promise<Entity[]> {
  const rows: Entity[] = [];
  let options = query;
  while (options && rows.length < MAX_ROWS) {
    const page = await webApi.retrieveMultipleRecords(table, options, PAGE);
    rows.push(...page.entities);
    // The nextLink is the full URL of the next page; retrieveMultipleRecords takes its query part.
    options = page.nextLink ? page.nextLink.slice(page.nextLink.indexOf('?')) : '';
  }
  return rows;
}

const col = (key: string): string => logicalName(key);
const str = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

/** Every wl_ward row as core/geo's WardInput (boundary GeoJSON text is parsed by WardIndex). */
export async function loadWardsFromDataverse(webApi: WebApi): Promise<WardInput[]> {
  const id = primaryIdName(wardTable);
  const rows = await readAll(webApi, logicalName(wardTable.key), `?$select=${[id, col('name'), col('code'), col('boundary'), col('vintage')].join(',')}`);
  return rows
    .filter((row) => str(row[col('code')]) && str(row[col('boundary')]))
    .map((row) => ({ id: String(row[id]), code: String(row[col('code')]), name: str(row[col('name')]) ?? String(row[col('code')]), boundary: String(row[col('boundary')]), vintage: str(row[col('vintage')]) }));
}

/** wl_asset rows in a box about `radiusMetres` around the point. */
export async function loadAssetsNear(webApi: WebApi, point: LatLon, radiusMetres: number): Promise<AssetInput[]> {
  const id = primaryIdName(assetTable);
  const dLat = radiusMetres / 111_320;
  const dLon = radiusMetres / (111_320 * Math.max(Math.cos((point.latitude * Math.PI) / 180), 0.01));
  const lat = col('latitude');
  const lon = col('longitude');
  const filter = `${lat} ge ${point.latitude - dLat} and ${lat} le ${point.latitude + dLat} and ${lon} ge ${point.longitude - dLon} and ${lon} le ${point.longitude + dLon}`;
  const rows = await readAll(webApi, logicalName(assetTable.key), `?$select=${[id, col('name'), col('assetType'), lat, lon].join(',')}&$filter=${filter}`);
  return rows
    .filter((row) => typeof row[lat] === 'number' && typeof row[lon] === 'number')
    .map((row) => ({ id: String(row[id]), name: str(row[col('name')]) ?? String(row[id]), assetType: str(row[col('assetType')]) ?? 'Asset', latitude: row[lat] as number, longitude: row[lon] as number }));
}

export interface TileSettings {
  template: string | null;
  attribution: string | null;
  snapRadius: number | null;
}

const tileVariables = ['wl_TileUrlTemplate', 'wl_TileAttribution', 'wl_SnapRadius'] as const;

/**
 * The council's map settings from its environment variables (value, else default), read once.
 * The names are core/model's, so a renamed variable fails the build, not the map.
 */
export async function loadMapSettings(webApi: WebApi): Promise<TileSettings> {
  const names = tileVariables.map((name) => environmentVariables.find((v) => v.schemaName === name)?.schemaName ?? name);
  const filter = names.map((n) => `schemaname eq '${n}'`).join(' or ');
  const rows = await readAll(webApi, 'environmentvariabledefinition', `?$select=schemaname,defaultvalue&$filter=${filter}&$expand=environmentvariabledefinition_environmentvariablevalue($select=value)`);
  const valueOf = (name: string): string | null => {
    const row = rows.find((r) => r.schemaname === name);
    if (!row) return null;
    const values = row.environmentvariabledefinition_environmentvariablevalue as Entity[] | undefined;
    return str(values?.[0]?.value) ?? str(row.defaultvalue);
  };
  const radius = Number(valueOf('wl_SnapRadius'));
  return { template: valueOf('wl_TileUrlTemplate'), attribution: valueOf('wl_TileAttribution'), snapRadius: Number.isFinite(radius) && radius > 0 ? radius : null };
}
