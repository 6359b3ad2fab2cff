import type Database from 'better-sqlite3';
import type { TableDef } from '../../model';
import { SchemaTooOldError, StoreUnavailableError } from '../store-errors';
import { columnSql, createTableSql, indexesFor, modelTables, sqlName } from './schema';

/**
 * Migrations, generated from core/model. The store records, per table, the CREATE TABLE it last
 * applied (`schema_table`) and numbers every change it makes (`schema_version`, ordered). On open:
 * - a table the model has and the file lacks is created;
 * - columns the model gained are added with ALTER TABLE ADD COLUMN (a required column that has no
 *   default is added nullable, since existing rows have no value for it);
 * - any other change (a choice option appended, a length changed, a column removed) rebuilds the
 *   table the way SQLite documents (create, copy, drop, rename), keeping every row;
 * - missing indexes are created.
 * Each open that changes anything adds one schema_version row describing what it did.
 */

const bookkeeping = [
  'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, appliedon TEXT NOT NULL, description TEXT NOT NULL) STRICT',
  'CREATE TABLE IF NOT EXISTS schema_table (name TEXT PRIMARY KEY, definition TEXT NOT NULL) STRICT',
  'CREATE TABLE IF NOT EXISTS reference_counter (year INTEGER PRIMARY KEY, value INTEGER NOT NULL) STRICT',
];

/** One step of a migration: SQL to run and a line for the version's description. */
export interface MigrationStep {
  readonly sql: readonly string[];
  readonly summary: string;
  /** Table rebuilds must run with foreign key enforcement off (checked again afterwards). */
  readonly rebuild?: boolean;
}

const existingColumns = (db: Database.Database, name: string): string[] =>
  (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as { name: string }[]).map((r) => r.name);

function tableSteps(db: Database.Database, table: TableDef, recorded: Map<string, string>): MigrationStep[] {
  const name = sqlName(table.key);
  const present = existingColumns(db, name);
  const definition = createTableSql(table);
  if (present.length === 0) return [{ sql: [definition], summary: `create ${name}` }];
  if (recorded.get(name) === definition) return [];
  const kept = table.columns.filter((c) => present.includes(sqlName(c.key)));
  const added = table.columns.filter((c) => !present.includes(sqlName(c.key)));
  if (createTableSql({ ...table, columns: kept }) === recorded.get(name)) {
    return [{ sql: added.map((c) => `ALTER TABLE ${name} ADD COLUMN ${columnSql(table, c, { forAlter: true })}`), summary: `add ${added.map((c) => `${name}.${sqlName(c.key)}`).join(', ')}` }];
  }
  const common = ['id', 'createdon', 'modifiedon', ...kept.map((c) => sqlName(c.key))].join(', ');
  const temporary = `${name}__rebuild`;
  return [{
    rebuild: true,
    summary: `rebuild ${name}`,
    sql: [definition.replace(`CREATE TABLE ${name} `, `CREATE TABLE ${temporary} `), `INSERT INTO ${temporary} (${common}) SELECT ${common} FROM ${name}`, `DROP TABLE ${name}`, `ALTER TABLE ${temporary} RENAME TO ${name}`],
  }];
}

/** What opening this file would change, without changing it. */
export function planMigration(db: Database.Database): MigrationStep[] {
  const hasBookkeeping = existingColumns(db, 'schema_table').length > 0;
  const recorded = new Map(hasBookkeeping ? (db.prepare('SELECT name, definition FROM schema_table').all() as { name: string; definition: string }[]).map((r) => [r.name, r.definition]) : []);
  const steps = modelTables.flatMap((table) => tableSteps(db, table, recorded));
  const rebuilt = new Set(steps.filter((s) => s.rebuild || s.summary.startsWith('create')).map((s) => s.summary.split(' ')[1]));
  const indexSql = new Map((db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index'").all() as { name: string; sql: string | null }[]).map((r) => [r.name, r.sql]));
  // An index whose definition changed (e.g. became partial) is dropped and made again.
  const changed = modelTables.flatMap((table) => indexesFor(table).filter((index) => indexSql.has(index.name) && !rebuilt.has(sqlName(table.key)) && indexSql.get(index.name) !== index.sql.replace(' IF NOT EXISTS', '')));
  if (changed.length) steps.push({ sql: changed.flatMap((i) => [`DROP INDEX ${i.name}`, i.sql]), summary: `redefine ${changed.map((i) => i.name).join(', ')}` });
  const missing = modelTables.flatMap((table) => indexesFor(table).filter((index) => rebuilt.has(sqlName(table.key)) || !indexSql.has(index.name)));
  if (missing.length) steps.push({ sql: missing.map((i) => i.sql), summary: `index ${missing.map((i) => i.name).join(', ')}` });
  return steps;
}

/** The newest schema version recorded in the file (0 for a new file). */
export function schemaVersion(db: Database.Database): number {
  if (existingColumns(db, 'schema_version').length === 0) return 0;
  return (db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_version').get() as { v: number }).v;
}

/** Brings the file up to the model; returns the schema version now in force. */
export function migrate(db: Database.Database, options: { readonly: boolean; location: string; now: string }): number {
  const steps = planMigration(db);
  if (options.readonly) {
    if (steps.length) throw new SchemaTooOldError(options.location, schemaVersion(db));
    return schemaVersion(db);
  }
  if (steps.length === 0) return schemaVersion(db);
  const rebuild = steps.some((s) => s.rebuild);
  // foreign_keys cannot change inside a transaction; rebuilds need it off, then a full check.
  if (rebuild) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const sql of bookkeeping) db.exec(sql);
      for (const step of steps) for (const sql of step.sql) db.exec(sql);
      if (rebuild) {
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length) throw new StoreUnavailableError(options.location, `the migration would leave ${broken.length} broken references`);
      }
      const record = db.prepare('INSERT INTO schema_table (name, definition) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET definition = excluded.definition');
      for (const table of modelTables) record.run(sqlName(table.key), createTableSql(table));
      db.prepare('INSERT INTO schema_version (version, appliedon, description) VALUES (?, ?, ?)').run(schemaVersion(db) + 1, options.now, steps.map((s) => s.summary).join('; '));
    })();
  } finally {
    if (rebuild) db.pragma('foreign_keys = ON');
  }
  return schemaVersion(db);
}
