import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { StoreUnavailableError } from '../store-errors';

/** How long a writer waits for another process's lock before giving up. */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens the SQLite file with Wardline's settings: WAL (readers never block the writer and a
 * crash loses no committed transaction), a busy timeout so several processes (service, CLI,
 * dispatcher) can share the file, and foreign keys enforced.
 */
export function openDatabase(path: string, readonly: boolean): Database.Database {
  let db: Database.Database;
  try {
    if (!readonly && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new Database(path, { readonly, fileMustExist: readonly });
  } catch (error) {
    throw new StoreUnavailableError(path, error instanceof Error ? error.message : String(error), error);
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (!readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    db.close();
    throw new StoreUnavailableError(path, error instanceof Error ? error.message : String(error), error);
  }
}
