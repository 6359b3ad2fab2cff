import { ImportError, choiceByName } from '@wardline/core';
import type { ColumnDef, TableDef } from '@wardline/core';
import { DateTime } from 'luxon';
import type { ColumnSpec } from './csv-columns';
import { BoundedMemo } from './bounded-memo';

/**
 * Reading cells into model columns, driven by core/model so an import never restates a column:
 * headers may be the column key (slaHours), its snake_case (sla_hours) or its label; values are
 * checked against the column's kind, length, range and choice options.
 */

export type CellValue = string | number | boolean | null;

const snakeCase = (key: string): string => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Column specs for a table's columns (lookups left out: imports resolve those themselves). */
export function modelColumnSpecs(table: TableDef, options: { exclude?: readonly string[] } = {}): ColumnSpec[] {
  return table.columns
    .filter((c) => c.kind !== 'lookup' && !options.exclude?.includes(c.key))
    .map((c) => ({ field: c.key, headers: [snakeCase(c.key), c.label], required: c.required === true && c.kind !== 'boolean' }));
}

/** Where a cell is, for error messages: the file, its line, and the field as the file names it. */
export interface CellPlace {
  file: string;
  line?: number;
  field: string;
}

function fail(place: CellPlace, problem: string): never {
  throw new ImportError(place.file, problem, { line: place.line, field: place.field });
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0']);

/** Converts one cell (text from CSV, or a JSON value) for a model column; empty means null. `zone` reads times without a zone. */
export function convertCell(column: ColumnDef, raw: unknown, place: CellPlace, zone?: string): CellValue {
  const text = typeof raw === 'string' ? raw.trim() : raw;
  if (text === '' || text === null || text === undefined) {
    if (column.required && column.kind !== 'boolean') fail(place, 'missing (this column is required)');
    return column.kind === 'boolean' ? column.defaultValue : null;
  }
  switch (column.kind) {
    case 'string':
    case 'memo': {
      if (typeof text !== 'string' && typeof text !== 'number') fail(place, `${JSON.stringify(text)} is not text`);
      const value = String(text);
      if (value.length > column.maxLength) fail(place, `is ${value.length} characters long; at most ${column.maxLength} are allowed`);
      if (column.kind === 'string' && column.format === 'email' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) fail(place, `"${value}" is not an email address`);
      return value;
    }
    case 'integer':
    case 'float': {
      const value = typeof text === 'number' ? text : Number(String(text).replace(/,/g, ''));
      if (!Number.isFinite(value)) fail(place, `"${String(text)}" is not a number`);
      if (column.kind === 'integer' && !Number.isInteger(value)) fail(place, `"${String(text)}" is not a whole number`);
      if (column.min !== undefined && value < column.min) fail(place, `${value} is below the minimum of ${column.min}`);
      if (column.max !== undefined && value > column.max) fail(place, `${value} is above the maximum of ${column.max}`);
      return value;
    }
    case 'boolean': {
      if (typeof text === 'boolean') return text;
      const word = String(text).toLowerCase();
      if (TRUE_WORDS.has(word)) return true;
      if (FALSE_WORDS.has(word)) return false;
      return fail(place, `"${String(text)}" is not yes or no`);
    }
    case 'choice':
      return choiceKey(column.choice, String(text), place);
    case 'datetime':
      return isoDateTime(String(text), place, zone);
    case 'lookup':
      return String(text);
  }
}

/** A choice option by key or label, in any case; spaces and hyphens count as underscores. */
export function choiceKey(choiceName: string, text: string, place: CellPlace): string {
  const choice = choiceByName(choiceName);
  const wanted = text.trim().toLowerCase().replace(/[\s-]+/g, '_');
  const option = choice.options.find((o) => o.key === wanted || o.label.toLowerCase().replace(/[\s-]+/g, '_') === wanted);
  if (!option) fail(place, `"${text}" is not one of: ${choice.options.map((o) => o.key).join(', ')}`);
  return option.key;
}

const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
/** Parsed dates by zone, then by text; null for a text that is not a date. */
const parsed = new BoundedMemo<string | null>(100_000);
const parseInZone = (zone: string, text: string): string | null => parseDateTime(text, zone);

/**
 * ISO 8601 (2024-05-01, 2024-05-01T09:30:00Z, 2024-05-01 09:30+01:00) or a UK date
 * (01/05/2024, 01/05/2024 09:30), as UTC ISO text. A time with no zone is local time in `zone`
 * (the council's, e.g. Europe/London, so summer times are BST), via luxon. Results are remembered:
 * exports repeat the same dates many times.
 */
export function isoDateTime(text: string, place: CellPlace, zone = 'UTC'): string {
  const iso = parsed.get(zone, text, parseInZone);
  if (iso === null) fail(place, `"${text}" is not a date and time (use 2024-05-01T09:30:00Z or 01/05/2024 09:30)`);
  return iso;
}

function parseDateTime(text: string, zone: string): string | null {
  const uk = UK_DATE.exec(text);
  const iso = uk ? undefined : ISO_DATE.exec(text);
  const parts = uk
    ? { year: +uk[3], month: +uk[2], day: +uk[1], hour: +(uk[4] ?? 0), minute: +(uk[5] ?? 0), second: +(uk[6] ?? 0), millisecond: 0 }
    : iso
      ? { year: +iso[1], month: +iso[2], day: +iso[3], hour: +(iso[4] ?? 0), minute: +(iso[5] ?? 0), second: +(iso[6] ?? 0), millisecond: +(iso[7] ?? '0').padEnd(3, '0') }
      : undefined;
  if (!parts) return null;
  const offset = iso?.[8];
  const at = offset ? (offset.toUpperCase() === 'Z' ? 'UTC' : `UTC${offset.slice(0, 3)}:${offset.slice(-2)}`) : zone;
  const date = DateTime.fromObject(parts, { zone: at });
  // luxon rolls nothing over: 31/02 or 25:00 is simply invalid.
  return date.isValid ? (date.toUTC().toISO() ?? null) : null;
}
