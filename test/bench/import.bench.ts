/**
 * `wardline import tasks` benchmark: legacy job CSVs of 20,000 and 100,000 rows into the embedded
 * store, with 50 real-shaped wards (hundreds of vertices each) and 10,000 assets loaded, through
 * the same code the CLI runs (streamed csv-parse; row checks, ward and nearest asset,
 * working-hours due dates; chunks of 5,000 inside one bulk-load transaction, which for a file this large against an empty store drops the job
 * tables' secondary indexes and builds them again before commit, so the time includes that
 * rebuild and the commit). Target: 50,000 rows/s, memory flat. Prints figures only: wall and CPU
 * rates, the reading-and-checking rate without the store, plain batched better-sqlite3 inserts of
 * the same rows (all indexes kept, no checks) for a ratio, the floor with Wardline's schema (the
 * stored rows re-inserted the way the import stores them), the floor of a bare in-memory table,
 * and live and peak heap for both file sizes.
 *
 * Run: `npm run bench -- import`, or `npx tsc -b && node -r @swc-node/register test/bench/import.bench.ts`.
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import { AssetIndex, WardIndex, addWorkingHours, formatReference, indexesFor, openSqliteStore, taskTable, taskUpdateTable, workingCalendarFor, type SqliteStore } from '@wardline/core';
import { importTasks, readTaskTypeFile } from '@wardline/scripts';
import { loadWards, pick, print, random, randomPointIn, rate, settings as benchSettings, timeAsync } from './bench-council';

// Through Node's require so the file runs the same compiled or under @swc-node/register.
const Database = createRequire(__filename)('better-sqlite3') as typeof BetterSqlite3;
const TARGET_ROWS_PER_SECOND = 50_000;

const folder = mkdtempSync(path.join(tmpdir(), 'wardline-import-bench-'));
const CATALOGUE = path.resolve(__dirname, '../../scripts/data/task-types.csv');
const STATUSES = ['Closed', 'Closed', 'Closed', 'Resolved', 'Not fixed', 'Withdrawn', 'Open'];
/** Heap in use after a full collection, in MB: what the import really holds on to. */
const liveHeapMb = (): number => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
};
/** The CLI's output is dropped; each progress line (every 10,000 rows) records the live heap. */
function quietIo(samples: number[]) {
  return { stdout: { write: () => true }, stderr: { write: () => (samples.push(liveHeapMb()), true), isTTY: false }, env: {} };
}

async function writeCsv(file: string, rows: number, wards: WardIndex, codes: readonly string[]): Promise<void> {
  const out = createWriteStream(file);
  out.write('Reference,Type,Status,Latitude,Longitude,Address,Reported,Closed,Outcome,Description\n');
  for (let i = 0; i < rows; i += 1) {
    let p = randomPointIn(wards);
    // Six decimals (as exports give them) can move a point on a coastline out of its ward: pick another.
    while (!wards.wardAt({ latitude: Number(p.latitude.toFixed(6)), longitude: Number(p.longitude.toFixed(6)) })) p = randomPointIn(wards);
    const status = pick(STATUSES);
    const day = 1 + Math.floor(random() * 28);
    const month = 1 + Math.floor(random() * 12);
    const closed = status === 'Open' ? '' : `2024-${String(month).padStart(2, '0')}-${String(Math.min(28, day + 1)).padStart(2, '0')}T15:00:00Z`;
    const line = `LEG-${i},${pick(codes)},${status},${p.latitude.toFixed(6)},${p.longitude.toFixed(6)},"${i} High Street, Colchester",${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/2024 09:30,${closed},Dealt with,Reported by phone\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function prepareStore(name: string, wards: ReturnType<typeof loadWards>, assets: { latitude: number; longitude: number }[]): Promise<SqliteStore> {
  const store = openSqliteStore({ path: path.join(folder, `${name}.db`) });
  await store.importRows([
    { table: 'ward', rows: wards.map((w) => ({ name: w.name, code: w.code, boundary: JSON.stringify(w.boundary), vintage: '2011' })), mode: 'insert' },
    { table: 'taskType', rows: await readTaskTypeFile(CATALOGUE), mode: 'insert' },
    { table: 'asset', rows: assets.map((a, i) => ({ name: `Bin ${i}`, assetType: 'Litter bin', externalId: `BIN-${i}`, latitude: a.latitude, longitude: a.longitude })), mode: 'insert' },
  ]);
  return store;
}

/** Peak heap and resident set while some work runs, sampled every 50 ms. */
async function withPeakHeap<T>(work: () => Promise<T>): Promise<{ result: T; peakMb: number; baseMb: number; peakRssMb: number; baseRssMb: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const baseMb = process.memoryUsage().heapUsed / 2 ** 20;
  const baseRssMb = process.memoryUsage.rss() / 2 ** 20;
  let peak = baseMb;
  let peakRss = baseRssMb;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().heapUsed / 2 ** 20);
    peakRss = Math.max(peakRss, process.memoryUsage.rss() / 2 ** 20);
  };
  const timer = setInterval(sample, 50);
  try {
    const result = await work();
    sample();
    return { result, peakMb: peak, baseMb, peakRssMb: peakRss, baseRssMb };
  } finally {
    clearInterval(timer);
  }
}

async function main(): Promise<void> {
  const wards = loadWards(50);
  const index = WardIndex.fromWards(wards);
  const settings = benchSettings(index);
  const calendar = workingCalendarFor(settings);
  const codes = (await readTaskTypeFile(CATALOGUE)).map((t) => t.code);
  const assets = Array.from({ length: 10_000 }, () => randomPointIn(index));
  console.log(`import tasks: 50 wards (${wards.reduce((n, w) => n + JSON.stringify(w.boundary).split('],[').length, 0).toLocaleString('en-GB')} vertices), ${codes.length} task types, ${assets.length.toLocaleString('en-GB')} assets`);

  for (const rows of [20_000, 100_000]) {
    const file = path.join(folder, `legacy-${rows}.csv`);
    await writeCsv(file, rows, index, codes);
    const store = await prepareStore(`import-${rows}`, wards, assets);
    const options = {
      snapRadius: settings.snapRadius,
      timeZone: settings.timeZone,
      dueByFor: (reportedOn: Date, type: { slaHours: number }) => addWorkingHours(reportedOn, type.slaHours, calendar),
      formatReference,
      now: new Date(),
    };
    const samples: number[] = [];
    const measured = await withPeakHeap(() => timeAsync(() => importTasks(store, file, options, quietIo(samples))));
    const timing = measured.result;
    const imported = timing.result.created;
    console.log(`\n${rows.toLocaleString('en-GB')} legacy rows:`);
    print('import tasks (read, check, place, store; one transaction)', `${rate(imported, timing.seconds)} rows/s wall, ${rate(imported, timing.cpuSeconds)} rows/s per CPU second (${timing.seconds.toFixed(1)} s)`);
    print('live heap after GC every 10,000 rows (MB)', samples.map((mb) => mb.toFixed(0)).join(', '));
    print('peak heap above the start (GC left to V8)', `${(measured.peakMb - measured.baseMb).toFixed(1)} MB (start ${measured.baseMb.toFixed(0)} MB)`);
    print('peak resident set (RSS) above the start', `${(measured.peakRssMb - measured.baseRssMb).toFixed(1)} MB (start ${measured.baseRssMb.toFixed(0)} MB, peak ${measured.peakRssMb.toFixed(0)} MB)`);
    const db = store.db;
    const counts = db.prepare('SELECT (SELECT COUNT(*) FROM wl_task) AS tasks, (SELECT COUNT(*) FROM wl_taskupdate) AS updates, (SELECT COUNT(*) FROM wl_outbox) AS outbox').get() as { tasks: number; updates: number; outbox: number };
    print('stored', `${counts.tasks.toLocaleString('en-GB')} jobs, ${counts.updates.toLocaleString('en-GB')} timeline entries, ${counts.outbox} outbox events`);

    if (rows === 100_000) {
      // The same rows as plain batched inserts with better-sqlite3 (no checks, no idempotency), for the ratio.
      const plain = openSqliteStore({ path: path.join(folder, 'plain.db') });
      await plain.importRows([{ table: 'taskType', rows: await readTaskTypeFile(CATALOGUE), mode: 'insert' }]);
      const typeId = (plain.db.prepare('SELECT id FROM wl_tasktype LIMIT 1').get() as { id: string }).id;
      const tasks = db.prepare('SELECT * FROM wl_task').all() as Record<string, unknown>[];
      const updates = db.prepare('SELECT * FROM wl_taskupdate').all() as Record<string, unknown>[];
      const insertTask = plain.db.prepare(`INSERT INTO wl_task (${Object.keys(tasks[0]).join(', ')}) VALUES (${Object.keys(tasks[0]).map(() => '?').join(', ')})`);
      const insertUpdate = plain.db.prepare(`INSERT INTO wl_taskupdate (${Object.keys(updates[0]).join(', ')}) VALUES (${Object.keys(updates[0]).map(() => '?').join(', ')})`);
      plain.db.pragma('foreign_keys = OFF');
      const byTask = new Map<unknown, Record<string, unknown>[]>();
      for (const u of updates) byTask.set(u.wl_task, [...(byTask.get(u.wl_task) ?? []), u]);
      const batch = plain.db.transaction((slice: Record<string, unknown>[]) => {
        for (const t of slice) {
          insertTask.run(...Object.values({ ...t, wl_tasktype: typeId, wl_ward: null, wl_asset: null }));
          for (const u of byTask.get(t.id) ?? []) insertUpdate.run(...Object.values(u));
        }
      });
      const plainTiming = await timeAsync(async () => {
        for (let i = 0; i < tasks.length; i += 5000) batch(tasks.slice(i, i + 5000));
      });
      print('plain batched better-sqlite3 inserts of the same rows', `${rate(tasks.length, plainTiming.seconds)} rows/s wall, ${rate(tasks.length, plainTiming.cpuSeconds)} rows/s per CPU second`);
      print('import tasks / plain inserts (CPU)', `${(plainTiming.cpuSeconds / timing.cpuSeconds).toFixed(2)} (the import does ${(timing.cpuSeconds / plainTiming.cpuSeconds).toFixed(1)}x the work)`);
      await plain.close();

      // The floor with Wardline's schema: the rows the import stored, re-inserted as they are (no
      // reading, checking, placing or ids to make) the way the import stores them: one
      // transaction, foreign keys on, the same non-unique indexes set aside and built again
      // before commit. Whatever the import does before storing, it cannot beat this figure here.
      const schemaFloorStore = openSqliteStore({ path: path.join(folder, 'schema-floor.db') });
      await schemaFloorStore.close();
      const schemaFloor = new Database(path.join(folder, 'schema-floor.db'));
      schemaFloor.pragma('journal_mode = WAL');
      schemaFloor.pragma('synchronous = NORMAL');
      schemaFloor.prepare('ATTACH DATABASE ? AS src').run(path.join(folder, `import-${rows}.db`));
      for (const table of ['wl_tasktype', 'wl_ward', 'wl_asset']) schemaFloor.exec(`INSERT INTO main.${table} SELECT * FROM src.${table}`);
      schemaFloor.exec('DETACH DATABASE src');
      schemaFloor.pragma('foreign_keys = ON');
      const setAside = [taskTable, taskUpdateTable].flatMap((table) => indexesFor(table)).filter((index) => !index.sql.startsWith('CREATE UNIQUE ') && !index.sql.includes(' WHERE '));
      const taskRows = db.prepare('SELECT * FROM wl_task').raw().all() as unknown[][];
      const updateRows = db.prepare('SELECT * FROM wl_taskupdate').raw().all() as unknown[][];
      const insertTaskRow = schemaFloor.prepare(`INSERT INTO wl_task VALUES (${taskRows[0].map(() => '?').join(', ')})`);
      const insertUpdateRow = schemaFloor.prepare(`INSERT INTO wl_taskupdate VALUES (${updateRows[0].map(() => '?').join(', ')})`);
      const schemaTiming = await timeAsync(async () => {
        schemaFloor.transaction(() => {
          for (const index of setAside) schemaFloor.exec(`DROP INDEX ${index.name}`);
          for (const row of taskRows) insertTaskRow.run(row);
          for (const row of updateRows) insertUpdateRow.run(row);
          for (const index of setAside) schemaFloor.exec(index.sql);
        })();
      });
      schemaFloor.close();
      print('floor with the schema: the stored rows re-inserted, indexes set aside', `${rate(taskRows.length, schemaTiming.seconds)} rows/s wall, ${rate(taskRows.length, schemaTiming.cpuSeconds)} rows/s per CPU second (${(taskRows.length / schemaTiming.seconds / TARGET_ROWS_PER_SECOND).toFixed(2)}x the target)`);

      // The floor of this machine: only the job rows, already read and checked, into an in-memory
      // table with the same columns and no constraint, index, key or timeline at all. No import
      // that stores one job row per legacy row can beat this figure here.
      const bare = new Database(':memory:');
      const columns = Object.keys(tasks[0]);
      bare.exec(`CREATE TABLE job (${columns.join(', ')})`);
      const insertBare = bare.prepare(`INSERT INTO job VALUES (${columns.map(() => '?').join(', ')})`);
      const values = tasks.map((t) => Object.values(t));
      const bareTiming = await timeAsync(async () => {
        bare.transaction(() => {
          for (const v of values) insertBare.run(v);
        })();
      });
      bare.close();
      const floor = tasks.length / bareTiming.cpuSeconds;
      print('floor: the job rows alone into a bare in-memory table', `${rate(tasks.length, bareTiming.seconds)} rows/s wall, ${rate(tasks.length, bareTiming.cpuSeconds)} rows/s per CPU second`);
      print('  floor per CPU second / the 50,000 rows/s target', `${(floor / TARGET_ROWS_PER_SECOND).toFixed(2)}x (before any reading, checking, keys, indexes or timeline)`);

      // Reading and checking alone (no store writes): where the time goes.
      const readOnly = await prepareStore('read-only', wards, assets);
      const types = await readOnly.listTaskTypes();
      const { legacyRowReader } = await import('@wardline/scripts/dist/import/legacy-tasks');
      const { openCsv } = await import('@wardline/scripts/dist/import/csv-records');
      const readTiming = await timeAsync(async () => {
        const csv = await openCsv(file);
        const reader = legacyRowReader(csv.header, { file, taskTypes: types, wards: index, assets: AssetIndex.fromAssets(assets.map((a, i) => ({ id: `a${i}`, name: '', assetType: 'Litter bin', ...a }))), officers: [], dueByFor: options.dueByFor, snapRadius: 25, now: new Date() });
        let n = 0;
        for await (const row of csv.rows) {
          reader.read(row.cells, row.line);
          n += 1;
        }
        return n;
      });
      print('reading and checking only (csv-parse, ward, asset, due by)', `${rate(readTiming.result, readTiming.seconds)} rows/s wall, ${rate(readTiming.result, readTiming.cpuSeconds)} rows/s per CPU second`);
      await readOnly.close();
    }
    await store.close();
  }
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => rmSync(folder, { recursive: true, force: true }));
