import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuplicateKeyError } from '../../errors';
import { entry, event, newTask, rejection, seedReferenceData } from '../contract/fixtures';
import type { TaskCreation } from '../store';
import { MissingReferenceError } from '../store-errors';
import { openSqliteStore, type SqliteStore } from './sqlite-store';

let folder: string;
let store: SqliteStore;
beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'wardline-bulk-'));
  store = openSqliteStore({ path: join(folder, 'wardline.db') });
  await seedReferenceData(store);
});
afterEach(async () => {
  await store.close();
  rmSync(folder, { recursive: true, force: true });
});

const indexes = () => store.db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('wl_task', 'wl_taskupdate') ORDER BY name").all();
const secondary = (table: string) =>
  (store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql NOT LIKE 'CREATE UNIQUE %' AND sql NOT LIKE '% WHERE %' ORDER BY name").all(table) as { name: string }[]).map((i) => i.name);
const counts = () => store.db.prepare('SELECT (SELECT COUNT(*) FROM wl_task) AS tasks, (SELECT COUNT(*) FROM wl_taskupdate) AS updates').get();
const legacy = (n: number, overrides: Partial<TaskCreation['task']> = {}): TaskCreation => ({
  task: newTask({ sourceChannel: 'import', externalReference: `LEG-${n}`, ...overrides }),
  timeline: [entry('Imported from the previous system', { kind: 'created' }), entry('Status at import: completed', { kind: 'status_change', fromStatus: 'new', toStatus: 'completed' })],
  outbox: [],
});

describe('SqliteStore.bulkLoad', () => {
  it('drops the secondary indexes of a table about to grow a lot and has them all back, as defined, after commit', async () => {
    const before = indexes();
    const dropped = await store.bulkLoad(async (load) => {
      load.expect('task', 10);
      load.expect('taskUpdate', 20);
      expect(secondary('wl_task')).toEqual([]);
      expect(secondary('wl_taskupdate')).toEqual([]);
      await store.importTaskBatch(Array.from({ length: 10 }, (_, i) => legacy(i)));
      return load.dropped;
    });
    expect(dropped).toEqual(expect.arrayContaining(['ix_wl_task_reportedon', 'ix_wl_taskupdate_task_occurredon']));
    // Unique and partial indexes stay throughout: constraints are enforced as rows arrive.
    expect(dropped.some((name) => name.startsWith('ak_') || name === 'ix_wl_task_asset')).toBe(false);
    expect(indexes()).toEqual(before);
    expect(counts()).toEqual({ tasks: 10, updates: 20 });
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('keeps the indexes of a table that already holds more rows than are coming', async () => {
    await store.importTaskBatch(Array.from({ length: 5 }, (_, i) => legacy(i)));
    await store.bulkLoad(async (load) => {
      load.expect('task', 4);
      expect(load.dropped).toEqual([]);
    });
  });

  it('rolls back rows and dropped indexes alike when the work fails', async () => {
    const before = indexes();
    const failure = new Error('bad row near the end');
    await expect(
      store.bulkLoad(async (load) => {
        load.expect('task', 1000);
        await store.importTaskBatch([legacy(1), legacy(2)]);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(indexes()).toEqual(before);
    expect(counts()).toEqual({ tasks: 0, updates: 0 });
    expect(store.db.inTransaction).toBe(false);
  });
});

describe('SqliteStore.importTaskBatch', () => {
  it('stores jobs and timelines as createTasks does, counting the jobs already stored rather than writing them again', async () => {
    const first = await store.importTaskBatch([legacy(1), legacy(2, { externalReference: 'LEG-2' })]);
    expect(first).toEqual({ created: 2, alreadyImported: 0 });
    const again = await store.importTaskBatch([legacy(1), legacy(3), legacy(3, { reference: 'WL-26-999999' })]);
    expect(again).toEqual({ created: 1, alreadyImported: 2 });
    expect(counts()).toEqual({ tasks: 3, updates: 6 });

    const bulk = await store.getTaskByExternalReference('import', 'LEG-1');
    const created = await store.createTask(legacy(4));
    const single = await store.getTask(created.task.id);
    const strip = (t: object) => ({ ...t, id: undefined, reference: undefined, externalReference: undefined, title: undefined, createdOn: undefined, modifiedOn: undefined });
    expect(strip(bulk as object)).toEqual(strip(single as object));
    const timeline = await store.getTimeline((bulk as { id: string }).id);
    expect(timeline.map((e) => [e.kind, e.task, e.summary])).toEqual([
      ['created', bulk?.id, 'Imported from the previous system'],
      ['status_change', bulk?.id, 'Status at import: completed'],
    ]);
  });

  it('writes a job with outbox events the way createTasks does', async () => {
    const withEvent: TaskCreation = { ...legacy(7), outbox: [event('bulk-7')] };
    expect(await store.importTaskBatch([withEvent])).toEqual({ created: 1, alreadyImported: 0 });
    expect((await store.listOutbox()).map((e) => e.idempotencyKey)).toEqual(['bulk-7']);
  });

  it('names the table, column and value of a row the store refuses, and a lone batch stores none of its rows', async () => {
    const missing = await rejection(store.importTaskBatch([legacy(1), legacy(2, { taskType: '00000000-0000-4000-8000-00000000dead' })]), MissingReferenceError);
    expect(missing.message).toContain('00000000-0000-4000-8000-00000000dead');
    await rejection(store.importTaskBatch([legacy(1), legacy(2, { reference: 'WL-26-000001' }), legacy(3, { reference: 'WL-26-000001' })]), DuplicateKeyError);
    expect(counts()).toEqual({ tasks: 0, updates: 0 });
    expect(await store.getTaskByExternalReference('import', 'LEG-1')).toBeUndefined();
  });

  it('finds the row at fault inside a many-row insert', async () => {
    const batch = Array.from({ length: 120 }, (_, i) => legacy(i, i === 87 ? { reference: 'WL-26-TWICE' } : i === 3 ? { reference: 'WL-26-TWICE' } : {}));
    const duplicate = await rejection(store.importTaskBatch(batch), DuplicateKeyError);
    expect(duplicate.message).toContain('WL-26-TWICE');
    expect(counts()).toEqual({ tasks: 0, updates: 0 });
    expect(await store.importTaskBatch(Array.from({ length: 120 }, (_, i) => legacy(1000 + i)))).toEqual({ created: 120, alreadyImported: 0 });
    expect(counts()).toEqual({ tasks: 120, updates: 240 });
  });
});
