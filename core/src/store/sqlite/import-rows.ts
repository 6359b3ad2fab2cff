import type { RowTypes, TableDef, TableKey } from '../../model';
import type { ImportBatch } from '../store';
import { BadImportError, MissingReferenceError, RowInUseError } from '../store-errors';
import { translateConstraint } from './constraint-errors';
import type { SqliteContext } from './context';
import { sqlName } from './schema';

/**
 * Reference data loads (wards, task types, assets, officers, legacy jobs). The caller runs every
 * batch in one transaction with foreign keys deferred, so rows may arrive in any order and a
 * failure anywhere leaves the store unchanged. Modes:
 * - insert: new rows only; an existing key is a DuplicateKeyError;
 * - upsert: rows matching `upsertKey` (default `id`) are updated in place, others inserted;
 * - replace: as upsert, then every row not in the batch is deleted, so the table holds exactly
 *   the batch while rows that stay keep their id (and the jobs linked to them keep their links).
 * A failing row's 1-based position in its batch is added to the error's details as `row`.
 */

function conflictTarget(table: TableDef, key: string): string {
  if (key === 'id') return 'ON CONFLICT(id)';
  const alternate = table.alternateKeys.find((k) => k.columns.length === 1 && k.columns[0] === key);
  if (!alternate) throw new BadImportError(table.key, `"${key}" is not a single-column alternate key (use id or one of: ${table.alternateKeys.filter((k) => k.columns.length === 1).map((k) => k.columns[0]).join(', ') || 'none'})`);
  const required = table.columns.find((c) => c.key === key)?.required;
  return `ON CONFLICT(${sqlName(key)})${required ? '' : ` WHERE ${sqlName(key)} IS NOT NULL`}`;
}

const STRICT = { rejectUnknown: true } as const;

function writeBatch(context: SqliteContext, batch: ImportBatch, now: string): number {
  const codec = context.codecs[batch.table as TableKey];
  if (!codec) throw new BadImportError(String(batch.table), 'no such table in core/model');
  const key = batch.upsertKey ?? 'id';
  let sql = codec.insertSql;
  if (batch.mode !== 'insert') {
    const updates = codec.columnNames.filter((c) => c !== 'id' && c !== 'createdon').map((c) => `${c} = excluded.${c}`);
    sql += ` ${conflictTarget(codec.table, key)} DO UPDATE SET ${updates.join(', ')}`;
  }
  const statement = context.statements.get(sql);
  const keyColumn = key === 'id' ? 0 : codec.columnNames.indexOf(sqlName(key));
  const kept: unknown[] = [];
  const replacing = batch.mode === 'replace';
  const rows = batch.rows as Record<string, unknown>[];
  for (let index = 0; index < rows.length; index += 1) {
    const values = rows[index];
    try {
      const params = codec.toParams(values, now, STRICT);
      statement.run(params);
      if (replacing) kept.push(params[keyColumn]);
    } catch (error) {
      const typed = translateConstraint(error, context.statements, codec.table, values);
      if (typed && typeof typed === 'object' && 'details' in typed) Object.assign((typed as { details: object }).details, { row: index + 1 });
      throw typed;
    }
  }
  if (batch.mode === 'replace') {
    const column = key === 'id' ? 'id' : sqlName(key);
    context.statements.run(`DELETE FROM ${codec.name} WHERE ${column} IS NULL OR ${column} NOT IN (SELECT value FROM json_each(?))`, JSON.stringify(kept));
  }
  return batch.rows.length;
}

interface ForeignKeyProblem {
  table: string;
  rowid: number;
  parent: string;
  fkid: number;
}

/**
 * Checks references of touched tables before commit, and of tables pointing at a table whose
 * rows a replace removed (inserts and upserts keep every id, so nothing pointing in can break).
 */
function checkReferences(context: SqliteContext, touched: Set<string>, removed: Set<string>): void {
  const tables = Object.values(context.codecs).map((c) => c.table);
  const names = new Set(touched);
  for (const table of tables) if (table.columns.some((c) => c.kind === 'lookup' && removed.has(sqlName(c.target)))) names.add(sqlName(table.key));
  for (const name of names) {
    const problem = (context.db.pragma(`foreign_key_check(${name})`) as ForeignKeyProblem[])[0];
    if (!problem) continue;
    const from = (context.db.pragma(`foreign_key_list(${name})`) as { id: number; from: string }[]).find((f) => f.id === problem.fkid)?.from ?? '';
    const child = tables.find((t) => sqlName(t.key) === name) as TableDef;
    const column = child.columns.find((c) => sqlName(c.key) === from);
    const row = context.statements.first<{ id: string; value: string }>(`SELECT id, ${from} AS value FROM ${name} WHERE rowid = ?`, problem.rowid);
    const target = tables.find((t) => sqlName(t.key) === problem.parent)?.key ?? problem.parent;
    if (touched.has(name)) throw new MissingReferenceError(child.key, column?.key ?? from, target, String(row?.value));
    throw new RowInUseError(target, String(row?.value), `${child.key}.${column?.key ?? from} (row ${row?.id})`);
  }
}

/** Writes every batch; the caller provides the transaction. Returns how many rows were written. */
export function importBatches(context: SqliteContext, batches: readonly ImportBatch[]): number {
  context.db.pragma('defer_foreign_keys = ON');
  const now = context.now();
  const touched = new Set<string>();
  const removed = new Set<string>();
  let written = 0;
  for (const batch of batches) {
    written += writeBatch(context, batch, now);
    touched.add(sqlName(batch.table as keyof RowTypes));
    if (batch.mode === 'replace') removed.add(sqlName(batch.table as keyof RowTypes));
  }
  checkReferences(context, touched, removed);
  return written;
}
