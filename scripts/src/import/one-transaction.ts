import { SqliteStore, type BulkLoad, type Store } from '@wardline/core';

/**
 * Runs a long, chunked import as ONE transaction, so a bad row near the end of a 100,000-row
 * file leaves the store exactly as it was. On the embedded store this is one SQLite bulk load
 * (SqliteStore.bulkLoad): an outer transaction the chunks the store writes join, while the file
 * streams through in chunks and memory stays flat; `load.expect` lets a large import have the
 * secondary indexes rebuilt once at the end rather than kept up row by row. Other stores have no
 * cross-call transaction to offer, so they are refused rather than half-loaded. `work` gets the
 * embedded store for the bulk writes only it offers.
 */
export async function inOneTransaction<T>(store: Store, work: (load: BulkLoad, store: SqliteStore) => Promise<T>): Promise<T> {
  if (!(store instanceof SqliteStore)) {
    throw new TypeError(`A chunked all-or-nothing import needs the embedded store; this store is ${store.kind}`);
  }
  return store.bulkLoad((load) => work(load, store));
}
