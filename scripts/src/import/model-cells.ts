import { ImportError, choiceByName } from '@wardline/core';
import type { ColumnDef, TableDef } from '@wardline/core';
import type { ColumnSpec } from './csv-columns';

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

/** Converts one cell (text from CSV, or a JSON value) for a model column; empty means null. */
export function convertCell(column: ColumnDef, raw: unknown, place: CellPlace): CellValue {
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
      return isoDateTime(String(text), place);
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

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** ISO 8601 (with or without a time; a time without a zone is UTC) or a UK dd/mm/yyyy [hh:mm] date, as UTC ISO text. */
export function isoDateTime(text: string, place: CellPlace): string {
  const uk = UK_DATE.exec(text);
  const candidate = uk
    ? `${uk[3]}-${uk[2].padStart(2, '0')}-${uk[1].padStart(2, '0')}T${(uk[4] ?? '00').padStart(2, '0')}:${uk[5] ?? '00'}:${uk[6] ?? '00'}Z`
    : DATE_ONLY.test(text)
      ? `${text}T00:00:00Z`
      : /[zZ]|[+-]\d{2}:?\d{2}$/.test(text)
        ? text
        : `${text}Z`;
  const date = new Date(candidate);
  const [year, month, day] = candidate.slice(0, 10).split('-').map(Number);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(candidate) || Number.isNaN(date.getTime()) || date.getUTCFullYear() !== year || date.getUTCMonth() + 1 !== month || date.getUTCDate() !== day) {
    fail(place, `"${text}" is not a date and time (use 2024-05-01T09:30:00Z or 01/05/2024 09:30)`);
  }
  return date.toISOString();
}
