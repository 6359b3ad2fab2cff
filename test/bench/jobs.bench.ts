/**
 * Jobs benchmark: creating jobs end to end on the SQLite store (validate, triage, reference
 * number, job + timeline + outbox + subscriptions in one transaction), with 50 real-shaped wards,
 * 100,000 assets and 100,000 open jobs already stored, as the issue sets. Target: 5,000 jobs/s.
 * The store is opened as `wardline serve` opens it (checkpoints in a worker thread) and `npm run
 * bench` runs this file with the Node flags `npm start` gives the service (service-node-flags.js).
 * - TaskService.reportMany in batches of 1,000 reports (one reservation of reference numbers and
 *   one transaction per batch): the intake path for bulk and queued reports;
 * - TaskService.report one at a time (two transactions per report), for comparison;
 * - plain batched better-sqlite3 inserts of the very same rows the batches wrote, into an
 *   identical schema with the store's connection settings (WAL, synchronous NORMAL, foreign
 *   keys on), in transactions of 1,000 jobs, for the ratio: once with SQLite's own checkpoints
 *   and once with the same worker-thread checkpoints as the store.
 * Prints CPU time (the fair "one core" figure on a shared machine) and wall time; no assertions.
 *
 * Run: `npm run bench`, or `npx tsc -b && node -r @swc-node/register test/bench/jobs.bench.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import { WardIndex, openSqliteStore, openTaskService, startBackgroundCheckpoints } from '@wardline/core';
import type { NewTask, SourceChannel, TaskCreation } from '@wardline/core';
import { descriptions, loadWards, officers, pick, print, random, randomPointIn, rates, routingRules, settings, taskTypes, time, timeAsync } from './bench-council';

// Loaded through Node's require so the file runs the same compiled or under @swc-node/register,
// whatever the module-interop setting.
const Database = createRequire(__filename)('better-sqlite3') as typeof BetterSqlite3;

const ASSETS = 100_000;
const OPEN_JOBS = 100_000;
const NEW_JOBS = 20_000;
const BATCH = 1_000;
const SINGLE_REPORTS = 3_000;
const sources: SourceChannel[] = ['open311', 'webform', 'teams', 'tab', 'phone'];
const WRITTEN = ['wl_task', 'wl_taskupdate', 'wl_outbox', 'wl_subscription'];

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'wardline-jobs-bench-'));
  try {
    const wardInputs = loadWards();
    const wards = WardIndex.fromWards(wardInputs);
    const types = taskTypes();
    const people = officers(wardInputs);
    const file = path.join(dir, 'wardline.db');
    const store = openSqliteStore({ path: file, backgroundCheckpoints: true });
    await store.importRows([
      { table: 'taskType', mode: 'insert', rows: types },
      { table: 'ward', mode: 'insert', rows: wardInputs.map((w) => ({ id: w.id, name: w.name, code: w.code, boundary: JSON.stringify(w.boundary), vintage: w.vintage })) },
      { table: 'officer', mode: 'insert', rows: people },
      { table: 'routingRule', mode: 'insert', rows: routingRules(wardInputs, types) },
      { table: 'asset', mode: 'insert', rows: Array.from({ length: ASSETS }, (_, i) => ({ name: `Asset ${i}`, assetType: 'litter bin', externalId: `A${i}`, ...randomPointIn(wards) })) },
    ]);
    const seedJobs: TaskCreation[] = Array.from({ length: OPEN_JOBS }, (_, i) => {
      const type = pick(types);
      return { task: { reference: `WL-24-${String(i + 1).padStart(6, '0')}`, title: 'Earlier job', taskType: type.id, status: 'new', priority: 'normal', ...randomPointIn(wards), sourceChannel: 'import', dispatchMode: type.dispatchMode, reportedOn: '2025-06-01T09:00:00.000Z', reportCount: 1, rowVersion: 1 }, timeline: [], outbox: [] };
    });
    await store.createTasks(seedJobs);

    const service = await openTaskService({ store, settings: settings(wards), clock: () => new Date('2025-06-09T09:00:00Z') });
    const makeReport = (i: number): NewTask => ({
      taskTypeCode: pick(types).code, description: pick(descriptions), ...randomPointIn(wards), source: pick(sources), address: `${i + 1} Bench Street`,
      reporter: random() < 0.5 ? { name: 'A Resident', email: `resident${i}@example.com` } : undefined, reportedOn: '2025-06-09T08:30:00.000Z',
    });
    const reports: NewTask[] = Array.from({ length: NEW_JOBS }, (_, i) => makeReport(i));
    const singles: NewTask[] = Array.from({ length: SINGLE_REPORTS }, (_, i) => makeReport(NEW_JOBS + i));
    const batchIds: string[] = [];
    const measured = await timeAsync(async () => {
      let created = 0;
      let duplicates = 0;
      for (let from = 0; from < reports.length; from += BATCH) {
        for (const result of await service.reportMany(reports.slice(from, from + BATCH))) {
          if (result.created) {
            created += 1;
            batchIds.push(result.task.id);
          }
          if (result.duplicate) duplicates += 1;
        }
      }
      return { created, duplicates };
    });
    const single = await timeAsync(async () => {
      let created = 0;
      for (const report of singles) if ((await service.report(report)).created) created += 1;
      return created;
    });
    await store.close();

    // The same rows, inserted plainly: read back what the batches wrote for their new jobs, then
    // insert them in transactions of 1,000 jobs into a fresh database with the identical schema.
    const source = new Database(file, { readonly: true });
    const newJobs = 'SELECT value FROM json_each(?)';
    const ids = JSON.stringify(batchIds);
    const fresh: Record<string, Record<string, unknown>[]> = {
      wl_task: source.prepare(`SELECT * FROM wl_task WHERE id IN (${newJobs}) ORDER BY rowid`).all(ids) as Record<string, unknown>[],
    };
    for (const table of WRITTEN.slice(1)) fresh[table] = source.prepare(`SELECT * FROM ${table} WHERE wl_task IN (${newJobs}) ORDER BY rowid`).all(ids) as Record<string, unknown>[];
    const schema = (source.prepare("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type = 'index'").all() as { sql: string }[]).map((r) => r.sql);
    source.close();
    const plainInserts = (name: string, checkpointInWorker: boolean) => {
      const plainFile = path.join(dir, `${name}.db`);
      const plain = new Database(plainFile);
      plain.pragma('journal_mode = WAL');
      plain.pragma('synchronous = NORMAL');
      for (const sql of schema) plain.exec(sql);
      plain.pragma('foreign_keys = ON');
      // Reference rows the jobs point to (task types, wards, people, assets) are copied untimed.
      plain.prepare('ATTACH DATABASE ? AS src').run(file);
      const referenceTables = (plain.prepare("SELECT name FROM src.sqlite_master WHERE type = 'table' AND name LIKE 'wl\\_%' ESCAPE '\\'").all() as { name: string }[]).map((r) => r.name).filter((name) => !WRITTEN.includes(name));
      for (const table of referenceTables) plain.exec(`INSERT INTO main.${table} SELECT * FROM src.${table}`);
      plain.exec('DETACH DATABASE src');
      const byTask = (table: string) => {
        const groups = new Map<unknown, Record<string, unknown>[]>();
        for (const row of fresh[table]) groups.set(row.wl_task, [...(groups.get(row.wl_task) ?? []), row]);
        return groups;
      };
      const children = WRITTEN.slice(1).map((table) => ({ groups: byTask(table), insert: insertFor(plain, table, fresh[table]) }));
      const insertTask = insertFor(plain, 'wl_task', fresh.wl_task);
      const writeBatch = plain.transaction((tasks: Record<string, unknown>[]) => {
        for (const task of tasks) {
          insertTask?.run(task);
          for (const child of children) for (const row of child.groups.get(task.id) ?? []) child.insert?.run(row);
        }
      });
      const checkpoints = checkpointInWorker ? startBackgroundCheckpoints(plain, plainFile) : undefined;
      const plainRun = time(() => {
        for (let from = 0; from < taskCount; from += BATCH) writeBatch(fresh.wl_task.slice(from, from + BATCH));
      });
      return { plain, checkpoints, plainRun };
    };
    const finish = async (run: ReturnType<typeof plainInserts>) => {
      await run.checkpoints?.stop();
      run.plain.close();
      return run.plainRun;
    };
    const taskCount = fresh.wl_task.length;
    const plainRun = await finish(plainInserts('plain', false));
    const plainWorkerRun = await finish(plainInserts('plain-worker', true));

    const jobsPerSecond = NEW_JOBS / measured.cpuSeconds;
    const plainPerSecond = taskCount / plainRun.cpuSeconds;
    const plainWall = taskCount / plainRun.seconds;
    console.log(`jobs: SQLite store (WAL), ${wards.size} real ward shapes, ${ASSETS.toLocaleString('en-GB')} assets, ${OPEN_JOBS.toLocaleString('en-GB')} open jobs stored beforehand`);
    print(`TaskService.reportMany, batches of ${BATCH.toLocaleString('en-GB')} (triage + job + timeline + outbox)`, rates(NEW_JOBS, measured, 'reports'));
    print('  jobs created / duplicates attached', `${measured.result.created.toLocaleString('en-GB')} / ${measured.result.duplicates.toLocaleString('en-GB')}`);
    print('  ratio to the 5,000/s target (wall / CPU)', `${(NEW_JOBS / measured.seconds / 5_000).toFixed(2)}x / ${(jobsPerSecond / 5_000).toFixed(2)}x`);
    print('  rows written per job (task, timeline, outbox, subscriptions)', WRITTEN.map((t) => (fresh[t].length / Math.max(1, taskCount)).toFixed(2)).join(' / '));
    print('TaskService.report, one at a time (for comparison)', rates(SINGLE_REPORTS, single, 'reports'));
    print('plain batched better-sqlite3 inserts of the same rows', rates(taskCount, plainRun, 'jobs'));
    print('  the same, checkpoints in a worker thread as the store', rates(taskCount, plainWorkerRun, 'jobs'));
    print('  end to end / plain inserts with worker checkpoints, wall', `${(NEW_JOBS / measured.seconds / (taskCount / plainWorkerRun.seconds)).toFixed(2)}`);
    print('  end to end / plain inserts, per CPU second', `${(jobsPerSecond / plainPerSecond).toFixed(2)} (plain is ${(plainPerSecond / jobsPerSecond).toFixed(1)}x faster; it skips validation, triage and events)`);
    print('  end to end / plain inserts, wall', `${(NEW_JOBS / measured.seconds / plainWall).toFixed(2)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function insertFor(db: BetterSqlite3.Database, table: string, rows: Record<string, unknown>[]): BetterSqlite3.Statement | undefined {
  if (rows.length === 0) return undefined;
  const columns = Object.keys(rows[0]);
  return db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
