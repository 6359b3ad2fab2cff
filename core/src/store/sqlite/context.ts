import type Database from 'better-sqlite3';
import { tables, type RowTypes, type TableKey } from '../../model';
import { createCodec, type TableCodec } from './codec';
import { translateConstraint } from './constraint-errors';
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

/** Inserts one model row (filling id and times) without reading it back; returns the stored values in `columnNames` order. */
export function writeRow(context: SqliteContext, table: TableKey, row: Record<string, unknown>, now: string, sql?: string): unknown[] {
  const codec = context.codecs[table];
  const params = codec.toParams(row, now);
  const statement = context.statements.get(sql ?? codec.insertSql);
  try {
    statement.run(params);
  } catch (error) {
    throw translateConstraint(error, context.statements, codec.table, row);
  }
  return params;
}

/** Inserts one model row (filling id and times); returns it as stored. */
export function insertRow<K extends keyof RowTypes>(context: SqliteContext, table: K, row: Record<string, unknown>, now: string): RowTypes[K] {
  return recordOf(context, table, writeRow(context, table, row, now));
}

/** Stored values in `columnNames` order as a model row. */
export function recordOf<K extends keyof RowTypes>(context: SqliteContext, table: K, params: readonly unknown[]): RowTypes[K] {
  return context.codecs[table].fromParams<RowTypes[K]>(params);
}
