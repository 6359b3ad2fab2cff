import { ImportError, assetTable, columnByKey } from '@wardline/core';
import type { NewRow } from '@wardline/core';
import type { WardIndex } from '@wardline/core/geo';
import { mapHeader, type ColumnSpec } from './csv-columns';
import { openCsv } from './csv-records';
import { convertCell } from './model-cells';
import { pointColumns, readPoint, wardOf } from './points';

export type NewAsset = NewRow<typeof assetTable>;
type AssetField = 'externalId' | 'name' | 'assetType' | 'latitude' | 'longitude' | 'easting' | 'northing' | 'description' | 'ward';

const specs: ColumnSpec<AssetField>[] = [
  { field: 'externalId', headers: ['external_id', 'id', 'asset_id', 'asset_ref', 'reference'], required: true },
  { field: 'assetType', headers: ['asset_type', 'type'], required: true },
  { field: 'name', headers: ['label', 'asset_name'] },
  { field: 'latitude', headers: ['lat'] },
  { field: 'longitude', headers: ['lon', 'lng', 'long'] },
  { field: 'easting', headers: ['x', 'east'] },
  { field: 'northing', headers: ['y', 'north'] },
  { field: 'description', headers: ['notes', 'location'] },
  // A ward column is accepted and ignored: the ward is worked out from the point, so it is always right.
  { field: 'ward', headers: ['ward_name', 'ward_code'] },
];

export interface AssetFileOptions {
  wards: WardIndex;
  allowOutside?: boolean;
  onRow?: (rows: number, fraction: number) => void;
}

/** Reads an asset register CSV (lat/lon or easting/northing), placing each asset in its ward. */
export async function readAssetFile(file: string, options: AssetFileOptions): Promise<NewAsset[]> {
  const csv = await openCsv(file);
  const { index } = mapHeader(file, csv.header, specs);
  const points = pointColumns(file, index, { latitude: 'latitude', longitude: 'longitude', easting: 'easting', northing: 'northing' });
  const [first, second] = points.kind === 'latlon' ? (['latitude', 'longitude'] as const) : (['easting', 'northing'] as const);
  const header = (f: AssetField) => (index[f] === undefined ? f : csv.header[index[f] ?? 0].trim());
  const cell = (cells: string[], f: AssetField) => (index[f] === undefined ? '' : (cells[index[f] ?? 0] ?? ''));
  const seen = new Map<string, number>();
  const rows: NewAsset[] = [];
  for await (const { line, cells } of csv.rows) {
    const text = (f: 'externalId' | 'assetType' | 'name' | 'description') => {
      // A blank name is filled in below, so only id and type are required cells here.
      const optional = f === 'name' && cell(cells, f).trim() === '';
      return optional ? null : (convertCell(columnByKey(assetTable, f), cell(cells, f), { file, line, field: header(f) }) as string | null);
    };
    const externalId = text('externalId') as string;
    const previous = seen.get(externalId);
    if (previous !== undefined) throw new ImportError(file, `duplicate asset id "${externalId}" (line ${previous} has it too)`, { line, field: header('externalId') });
    seen.set(externalId, line);
    const assetType = text('assetType') as string;
    const point = readPoint({ a: cell(cells, first), b: cell(cells, second) }, points.kind, { file, line, fields: [header(first), header(second)] });
    const ward = wardOf(options.wards, point, { file, line, field: header(first), allowOutside: options.allowOutside });
    rows.push({
      externalId,
      assetType,
      name: text('name') ?? `${assetType} ${externalId}`,
      description: text('description'),
      latitude: round6(point.latitude),
      longitude: round6(point.longitude),
      ward: ward?.id ?? null,
    });
    if (options.onRow) {
      const { bytesRead, size } = csv.progress();
      options.onRow(rows.length, bytesRead / size);
    }
  }
  return rows;
}

/** The model keeps six decimal places (about 10 cm). */
export const round6 = (value: number): number => Math.round(value * 1e6) / 1e6;
