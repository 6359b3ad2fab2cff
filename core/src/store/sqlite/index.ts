/** The embedded SQLite adapter of the Store interface. */
export { openSqliteStore, SqliteStore, type SqliteStoreOptions } from './sqlite-store';
export { createTableSql, indexesFor, sqlName } from './schema';
export { planMigration, type MigrationStep } from './migrate';
export { BUSY_TIMEOUT_MS } from './open-database';
export { startBackgroundCheckpoints, type BackgroundCheckpoints } from './background-checkpoints';
export type { BulkLoad, BulkTaskResult } from './bulk-load';
