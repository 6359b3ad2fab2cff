import type Database from 'better-sqlite3';
import { tables, type RowTypes, type TableKey } from '../../model';
import { createCodec, type TableCodec } from './codec';
import { guarded } from './constraint-errors';
import { StatementCache } from './statements';

/**
 * What the SQLite store's parts share: the connection, the statement cache, one codec per model
 * table and the clock. Internal to the adapter; callers use the Store interface.
 */
export interface SqliteContext {
  readonly db: Database.Database;
  readonly statements: StatementCache;
  readonly codecs: Readonly<Record<TableKey, TableCodec>>;
  /** The current time as a stored ISO date. */
  now(): string;
}

export function createContext(db: Database.Database, clock: () => Date): SqliteContext {
  const codecs = Object.fromEntries(tables.map((t) => [t.key, createCodec(t)])) as Record<TableKey, TableCodec>;
  return { db, statements: new StatementCache(db), codecs, now: () => clock().toISOString() };
}

/** Every row of a query on one model table, as model rows. */
export function selectRows<K extends keyof RowTypes>(context: SqliteContext, table: K, where = '', ...params: unknown[]): RowTypes[K][] {
  const codec = context.codecs[table];
  return context.statements.all<Record<string, unknown>>(`SELECT * FROM ${codec.name} ${where}`, ...params).map((r) => codec.fromRecord<RowTypes[K]>(r));
}

/** One row by id, or undefined. */
export function selectById<K extends keyof RowTypes>(context: SqliteContext, table: K, id: string): RowTypes[K] | undefined {
  return selectRows(context, table, 'WHERE id = ?', id)[0];
}

/** Inserts one model row (filling id and times); returns it as stored. */
export function insertRow<K extends keyof RowTypes>(context: SqliteContext, table: K, row: Record<string, unknown>, now: string): RowTypes[K] {
  const codec = context.codecs[table];
  const params = codec.toParams(row, now);
  guarded(context.statements, codec.table, row, () => context.statements.run(codec.insertSql, ...params));
  const record: Record<string, unknown> = {};
  codec.columnNames.forEach((name, i) => (record[name] = params[i]));
  return codec.fromRecord<RowTypes[K]>(record);
}
