import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { taskTable } from '../../model';
import { creation, seedReferenceData } from '../contract/fixtures';
import { SchemaTooOldError, StoreReadOnlyError } from '../store-errors';
import { createTableSql } from './schema';
import { openSqliteStore } from './sqlite-store';

let folder: string;
let path: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'wardline-migrate-'));
  path = join(folder, '.wardline', 'wardline.db');
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

/** A file with one job, then rewritten by hand to look as an older model would have left it. */
async function olderFile(rewrite: (db: Database.Database) => void): Promise<string> {
  const store = openSqliteStore({ path });
  await seedReferenceData(store);
  const { task } = await store.createTask(creation({ title: 'Old job' }));
  await store.close();
  const db = new Database(path);
  rewrite(db);
  db.close();
  return task.id;
}

const withoutWardVintage = { ...taskTable, columns: taskTable.columns.filter((c) => c.key !== 'wardVintage') };

describe('SQLite file', () => {
  it('is created with its folder, in WAL mode with foreign keys on, at schema version 1; reopening changes nothing', async () => {
    const store = openSqliteStore({ path });
    expect(await store.health()).toMatchObject({ ok: true, kind: 'sqlite', location: path, schemaVersion: 1, detail: 'journal mode wal', pendingOutbox: 0 });
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    await store.close();
    const again = openSqliteStore({ path });
    expect(again.schemaVersion).toBe(1);
    await again.close();
  });

  it('adds a column the model gained, keeping every row (ALTER TABLE ADD COLUMN)', async () => {
    const id = await olderFile((db) => {
      db.exec('ALTER TABLE wl_task DROP COLUMN wl_wardvintage');
      db.prepare("UPDATE schema_table SET definition = ? WHERE name = 'wl_task'").run(createTableSql(withoutWardVintage));
    });
    const store = openSqliteStore({ path });
    expect(store.schemaVersion).toBe(2);
    expect(store.db.prepare('SELECT description FROM schema_version WHERE version = 2').get()).toEqual({ description: 'add wl_task.wl_wardvintage' });
    expect(await store.getTask(id)).toMatchObject({ title: 'Old job', wardVintage: null });
    const changed = await store.updateTask({ id, expectedRowVersion: 1, set: { wardVintage: '2024-12' } });
    expect(changed.wardVintage).toBe('2024-12');
    await store.close();
  });

  it('rebuilds a table whose rules changed (a choice option appended), keeping rows and links', async () => {
    const id = await olderFile((db) => {
      const older = createTableSql(taskTable).replace(", 'merged'", '');
      db.pragma('foreign_keys = OFF');
      db.exec(`${older.replace('CREATE TABLE wl_task ', 'CREATE TABLE old_task ')}; INSERT INTO old_task SELECT * FROM wl_task; DROP TABLE wl_task; ALTER TABLE old_task RENAME TO wl_task`);
      db.prepare("UPDATE schema_table SET definition = ? WHERE name = 'wl_task'").run(older);
      expect(() => db.prepare("UPDATE wl_task SET wl_status = 'merged'").run()).toThrow(/CHECK/);
    });
    const store = openSqliteStore({ path });
    expect(store.schemaVersion).toBe(2);
    expect((await store.updateTask({ id, expectedRowVersion: 1, set: { status: 'merged' } })).status).toBe('merged');
    expect(await store.getTimeline(id)).toHaveLength(1);
    const indexes = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'wl_task' AND name LIKE 'ix_%'").all();
    expect(indexes.length).toBeGreaterThan(4);
    await store.close();
  });

  it('makes again an index whose definition changed (a lookup index that became partial), keeping the job rows', async () => {
    const id = await olderFile((db) => db.exec('DROP INDEX ix_wl_task_duplicateof; CREATE INDEX ix_wl_task_duplicateof ON wl_task (wl_duplicateof)'));
    const store = openSqliteStore({ path });
    expect(store.schemaVersion).toBe(2);
    expect(store.db.prepare('SELECT description FROM schema_version WHERE version = 2').get()).toEqual({ description: 'redefine ix_wl_task_duplicateof' });
    expect(store.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'ix_wl_task_duplicateof'").get()).toEqual({ sql: 'CREATE INDEX ix_wl_task_duplicateof ON wl_task (wl_duplicateof) WHERE wl_duplicateof IS NOT NULL' });
    expect(await store.getTask(id)).toMatchObject({ title: 'Old job' });
    await store.close();
    expect(openSqliteStore({ path }).schemaVersion).toBe(2);
  });

  it('checks choices with IN lists of at most two keys (longer lists cost a temporary index per insert), still refusing unknown keys', async () => {
    const store = openSqliteStore({ path });
    const definition = (store.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'wl_task'").get() as { sql: string }).sql;
    for (const list of definition.matchAll(/IN \(([^)]*)\)/g)) expect(list[1].split(',').length).toBeLessThanOrEqual(2);
    await seedReferenceData(store);
    expect(() => store.db.prepare("INSERT INTO wl_task SELECT * FROM wl_task WHERE 0").run()).not.toThrow();
    const { task } = await store.createTask(creation());
    expect(() => store.db.prepare("UPDATE wl_task SET wl_status = 'lost' WHERE id = ?").run(task.id)).toThrow(/CHECK constraint failed: ck_wl_task_wl_status/);
    expect(() => store.db.prepare("UPDATE wl_task SET wl_status = 'merged' WHERE id = ?").run(task.id)).not.toThrow();
    await store.close();
  });

  it('refuses a readonly open of a file older than the model, and reads an up-to-date one', async () => {
    await olderFile((db) => {
      db.exec('ALTER TABLE wl_task DROP COLUMN wl_wardvintage');
      db.prepare("UPDATE schema_table SET definition = ? WHERE name = 'wl_task'").run(createTableSql(withoutWardVintage));
    });
    expect(() => openSqliteStore({ path, readonly: true })).toThrow(SchemaTooOldError);
    await openSqliteStore({ path }).close();
    const reader = openSqliteStore({ path, readonly: true });
    expect((await reader.listTasks({})).total).toBe(1);
    await expect(reader.nextReferenceNumber(2026)).rejects.toThrow(StoreReadOnlyError);
    await reader.close();
  });

  it('reads a ward with many jobs through indexes, never a full scan of jobs', async () => {
    const store = openSqliteStore({ path });
    const plan = (sql: string): string => (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('; ');
    const byWard = plan("SELECT * FROM wl_task WHERE wl_ward IN (SELECT value FROM json_each('[\"w\"]')) AND wl_status IN (SELECT value FROM json_each('[\"new\"]')) ORDER BY wl_reportedon LIMIT 50");
    expect(byWard).toMatch(/USING INDEX ix_wl_task_ward_status/);
    expect(byWard).not.toMatch(/SCAN wl_task/);
    expect(plan("SELECT * FROM wl_task WHERE wl_assignedofficer = 'o' AND wl_status = 'new'")).toMatch(/USING INDEX ix_wl_task_assignedofficer_status/);
    expect(plan("SELECT * FROM wl_task ORDER BY modifiedon DESC LIMIT 10")).toMatch(/USING INDEX ix_wl_task_modifiedon/);
    await store.close();
  });

  it('says which file it cannot open', () => {
    expect(() => openSqliteStore({ path: join(folder, 'missing', 'x.db'), readonly: true })).toThrow(/The store at .*x\.db cannot be opened/);
  });
});
