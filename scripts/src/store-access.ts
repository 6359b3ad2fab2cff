import { dirname, resolve } from 'node:path';
import { openSqliteStore, type SqliteStore } from '@wardline/core';
import { DEFAULT_DB_PATH } from '@wardline/bot';
import type { CliIo } from './cli-io';

/** The store file: --db, else WARDLINE_DB, else .wardline/wardline.db under the current folder. */
export function dbPathFrom(option: string | undefined, io: CliIo): string {
  const chosen = option?.trim() || io.env.WARDLINE_DB?.trim() || DEFAULT_DB_PATH;
  return chosen === ':memory:' ? chosen : resolve(chosen);
}

/** Opens (creating its folder and schema when new) the embedded store. */
export function openStore(path: string, options: { backgroundCheckpoints?: boolean } = {}): SqliteStore {
  return openSqliteStore({ path, ...options });
}

/** The delivery log of the log channel sits beside the store file. */
export const deliveryLogPathFor = (dbPath: string): string => (dbPath === ':memory:' ? ':memory:' : resolve(dirname(dbPath), 'deliveries.db'));

/** Runs work with the store open and always closes it. */
export async function withStore<T>(path: string, work: (store: SqliteStore) => Promise<T>): Promise<T> {
  const store = openStore(path);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
