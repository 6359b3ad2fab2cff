import type { ColumnDef, TableDef } from '../../model';
import { InvalidValueError } from '../store-errors';
import { newRowId } from './ids';
import { sqlName } from './schema';

/**
 * Converts between model rows (camelCase keys, booleans, ISO dates) and SQLite records
 * (`wl_` names, 0/1, text). Dates are stored as UTC ISO 8601 with milliseconds
 * (`2026-03-01T09:00:00.000Z`) so that text order is time order in every query.
 *
 * New ids are UUID version 7 (time-ordered, RFC 9562): valid GUIDs for Dataverse, and appended at
 * the end of the primary-key index rather than scattered through it, which roughly halves the cost
 * of bulk writes compared with random (version 4) ids.
 */
export interface TableCodec {
  readonly table: TableDef;
  readonly name: string;
  /** `id, createdon, modifiedon, wl_…` in one fixed order. */
  readonly columnNames: readonly string[];
  readonly insertSql: string;
  /** Positional values for insertSql; fills id, createdOn, modifiedOn and boolean defaults. */
  toParams(row: Record<string, unknown>, now: string, options?: { rejectUnknown?: boolean }): unknown[];
  /** A stored record as a model row. */
  fromRecord<T>(record: Record<string, unknown>): T;
  /** Stored values in `columnNames` order (from toParams) as a model row. */
  fromParams<T>(params: readonly unknown[]): T;
  /** One column's value as stored. */
  toSql(column: ColumnDef, value: unknown): unknown;
}

const STORED_DATE = /^\d{4}-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d:[0-5]\d\.\d{3}Z$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Whether a text already in the stored form names a real day and time (31 February and 24:00 do not). */
function isRealStoredDate(value: string): boolean {
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  const hour = Number(value.slice(11, 13));
  if (month < 1 || month > 12 || day < 1 || hour > 23) return false;
  return day <= (month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1]);
}

/** An ISO date in the stored form, or an InvalidValueError naming the column. */
export function normaliseDate(table: string, column: string, value: unknown): string {
  // Already in the stored form (the common case): checking the parts is cheaper than parsing.
  if (typeof value === 'string' && STORED_DATE.test(value)) {
    if (isRealStoredDate(value)) return value;
    throw new InvalidValueError(table, column, `"${value}" is not a real date and time`, { value });
  }
  const time = typeof value === 'string' || value instanceof Date ? new Date(value).getTime() : Number.NaN;
  if (Number.isNaN(time)) throw new InvalidValueError(table, column, `"${String(value)}" is not a date and time (use ISO 8601, e.g. 2026-03-01T09:00:00Z)`, { value: String(value) });
  return new Date(time).toISOString();
}

/** One column's conversion to its stored value, decided once per column rather than per value. */
function converterFor(table: TableDef, column: ColumnDef): (value: unknown) => unknown {
  switch (column.kind) {
    case 'boolean': {
      const fallback = column.defaultValue ? 1 : 0;
      return (value) => {
        if (value === undefined || value === null) return fallback;
        if (typeof value !== 'boolean') throw new InvalidValueError(table.key, column.key, `"${String(value)}" is not true or false`, { value: String(value) });
        return value ? 1 : 0;
      };
    }
    case 'datetime':
      return (value) => (value === undefined || value === null ? null : normaliseDate(table.key, column.key, value));
    case 'memo':
      if (column.json) return (value) => (value === undefined || value === null ? null : typeof value === 'object' ? JSON.stringify(value) : value);
      return (value) => (value === undefined ? null : value);
    default:
      return (value) => (value === undefined ? null : value);
  }
}

/** Builds the codec for one model table. */
export function createCodec(table: TableDef): TableCodec {
  const name = sqlName(table.key);
  const columns = table.columns;
  const columnNames = ['id', 'createdon', 'modifiedon', ...columns.map((c) => sqlName(c.key))];
  const booleans = columns.filter((c) => c.kind === 'boolean').map((c) => [sqlName(c.key), c.key] as const);
  const known = new Set(['id', 'createdOn', 'modifiedOn', ...columns.map((c) => c.key)]);
  const pairs = columnNames.map((sql, i) => [sql, i < 3 ? ['id', 'createdOn', 'modifiedOn'][i] : columns[i - 3].key] as const);
  const keys = columns.map((c) => c.key);
  const converters = columns.map((c) => converterFor(table, c));
  const count = columns.length;
  const isBoolean = columns.map((c) => c.kind === 'boolean');
  const byColumn = new Map(columns.map((c, i) => [c, converters[i]]));
  return {
    table,
    name,
    columnNames,
    insertSql: `INSERT INTO ${name} (${columnNames.join(', ')}) VALUES (${columnNames.map(() => '?').join(', ')})`,
    toParams(row, now, options = {}) {
      if (options.rejectUnknown) {
        for (const key in row) if (!known.has(key)) throw new InvalidValueError(table.key, key, `is not a column of ${table.key} (columns: ${[...known].join(', ')})`);
      }
      const params: unknown[] = new Array(count + 3);
      params[0] = row.id ?? newRowId();
      params[1] = row.createdOn ? normaliseDate(table.key, 'createdOn', row.createdOn) : now;
      params[2] = row.modifiedOn ? normaliseDate(table.key, 'modifiedOn', row.modifiedOn) : now;
      for (let i = 0; i < count; i += 1) params[i + 3] = converters[i](row[keys[i]]);
      return params;
    },
    fromRecord<T>(record: Record<string, unknown>): T {
      const row: Record<string, unknown> = {};
      for (const [sql, key] of pairs) row[key] = record[sql] ?? null;
      for (const [sql, key] of booleans) row[key] = record[sql] === 1;
      return row as T;
    },
    fromParams<T>(params: readonly unknown[]): T {
      const row: Record<string, unknown> = { id: params[0], createdOn: params[1], modifiedOn: params[2] };
      for (let i = 0; i < count; i += 1) {
        const value = params[i + 3];
        row[keys[i]] = isBoolean[i] ? value === 1 : (value ?? null);
      }
      return row as T;
    },
    toSql: (column, value) => (byColumn.get(column) ?? converterFor(table, column))(value),
  };
}
