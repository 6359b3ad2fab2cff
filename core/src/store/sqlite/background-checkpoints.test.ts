import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openSqliteStore } from './sqlite-store';
import { BACKSTOP_PAGES } from './background-checkpoints';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'wardline-checkpoints-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const assets = (count: number, from = 0) =>
  Array.from({ length: count }, (_, i) => ({ name: `Bench ${from + i} on the long path by the river`, assetType: 'bench', externalId: `B-${from + i}`, latitude: 51.88 + i / 1e6, longitude: 0.9 }));

async function until(check: () => boolean, ms = 10_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return check();
}

describe('background checkpoints', () => {
  it('copy committed pages into the database file while the store stays open, and close leaves no log behind', async () => {
    const file = path.join(dir, 'wardline.db');
    const store = openSqliteStore({ path: file, backgroundCheckpoints: true });
    try {
      expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(BACKSTOP_PAGES);
      const before = statSync(file).size;
      // About 2 MB: far below the backstop, so only the worker can move it out of the log.
      await store.importRows([{ table: 'asset', mode: 'insert', rows: assets(8_000) }]);
      expect(statSync(`${file}-wal`).size).toBeGreaterThan(1_000_000);
      expect(await until(() => statSync(file).size > before + 1_000_000)).toBe(true);
      // Later commits are copied too.
      await store.importRows([{ table: 'asset', mode: 'insert', rows: assets(8_000, 8_000) }]);
      expect(await until(() => statSync(file).size > before + 2_000_000)).toBe(true);
    } finally {
      await store.close();
    }
    expect(existsSync(`${file}-wal`)).toBe(false);
    const again = openSqliteStore({ path: file, readonly: true });
    expect((await again.listAssets()).length).toBe(16_000);
    await again.close();
  });

  it('without the option, a commit below SQLite\'s own threshold stays in the log', async () => {
    const file = path.join(dir, 'wardline.db');
    const store = openSqliteStore({ path: file });
    try {
      store.db.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
      const before = statSync(file).size;
      await store.importRows([{ table: 'asset', mode: 'insert', rows: assets(8_000) }]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(statSync(file).size).toBe(before);
    } finally {
      await store.close();
    }
  });

  it('is not started for read-only or in-memory stores', async () => {
    const memory = openSqliteStore({ path: ':memory:', backgroundCheckpoints: true });
    expect(memory.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await memory.close();
    const file = path.join(dir, 'wardline.db');
    await openSqliteStore({ path: file }).close();
    const readonly = openSqliteStore({ path: file, readonly: true, backgroundCheckpoints: true });
    expect(readonly.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await readonly.close();
  });
});
