import { SqliteStore, type Store } from '@wardline/core';

/**
 * Runs a long, chunked import as ONE transaction, so a bad row near the end of a 100,000-row
 * file leaves the store exactly as it was. On the embedded store this is an outer SQLite
 * transaction: each chunk the store writes (itself a transaction) nests inside it as a savepoint,
 * while the file streams through in chunks and memory stays flat. Other stores have no
 * cross-call transaction to offer, so they are refused rather than half-loaded.
 */
export async function inOneTransaction<T>(store: Store, work: () => Promise<T>): Promise<T> {
  if (!(store instanceof SqliteStore)) {
    throw new TypeError(`A chunked all-or-nothing import needs the embedded store; this store is ${store.kind}`);
  }
  const { db } = store;
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = await work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
