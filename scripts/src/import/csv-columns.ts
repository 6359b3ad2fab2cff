import { ImportError } from '@wardline/core';

/** One column an import understands: its field name, the headers that mean it, and whether it must be there. */
export interface ColumnSpec<F extends string = string> {
  field: F;
  headers: readonly string[];
  required?: boolean;
}

/** `External ID`, `external_id` and `externalId` are the same header. */
export const normaliseHeader = (header: string): string => header.toLowerCase().replace(/[^a-z0-9]/g, '');

export interface HeaderMap<F extends string> {
  /** Column index of each field present. */
  index: Partial<Record<F, number>>;
  /** Headers that match no field, as written. */
  unknown: string[];
}

/**
 * Matches a CSV header row to the fields an import understands. `rename` maps a field to a header
 * the file uses instead (from `--column field=Header`). Unknown headers are an error unless
 * `allowUnknown`, when they are returned for the caller to mention.
 */
export function mapHeader<F extends string>(
  file: string,
  header: readonly string[],
  specs: readonly ColumnSpec<F>[],
  options: { allowUnknown?: boolean; rename?: Partial<Record<F, string>> } = {},
): HeaderMap<F> {
  const index: Partial<Record<F, number>> = {};
  const unknown: string[] = [];
  const seen = new Map<string, number>();
  header.forEach((raw, i) => {
    const name = raw.trim();
    const key = normaliseHeader(name);
    if (key === '') throw new ImportError(file, `column ${i + 1} has no name in the header row`, { line: 1 });
    if (seen.has(key)) throw new ImportError(file, `the header names column "${name}" twice (columns ${(seen.get(key) ?? 0) + 1} and ${i + 1})`, { line: 1 });
    seen.set(key, i);
    const renamed = specs.find((s) => options.rename?.[s.field] !== undefined && normaliseHeader(options.rename[s.field] ?? '') === key);
    const spec = renamed ?? specs.find((s) => options.rename?.[s.field] === undefined && (normaliseHeader(s.field) === key || s.headers.some((h) => normaliseHeader(h) === key)));
    if (!spec) unknown.push(name);
    else if (index[spec.field] !== undefined) throw new ImportError(file, `columns ${(index[spec.field] ?? 0) + 1} and ${i + 1} both give ${spec.field}`, { line: 1, field: name });
    else index[spec.field] = i;
  });
  if (unknown.length && !options.allowUnknown) {
    throw new ImportError(file, `unknown column(s) ${unknown.map((u) => `"${u}"`).join(', ')}; expected some of: ${specs.map((s) => s.field).join(', ')}`, { line: 1 });
  }
  const missing = specs.filter((s) => s.required && index[s.field] === undefined);
  if (missing.length) {
    const expected = (s: ColumnSpec<F>) => (options.rename?.[s.field] ? `"${options.rename[s.field] ?? ''}"` : `"${s.field}"`);
    throw new ImportError(file, `the header has no ${missing.map(expected).join(', ')} column${missing.length > 1 ? 's' : ''}`, { line: 1, field: missing[0].field });
  }
  return { index, unknown };
}
