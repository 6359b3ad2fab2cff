/**
 * Store benchmark (embedded SQLite). Prints figures only, no assertions:
 * (a) importRows of 100,000 assets (one all-or-nothing transaction);
 * (b) 100,000 jobs: plain batched better-sqlite3 inserts of the same rows (job only, and job +
 *     timeline entry + outbox event) against store.createTasks (the same three rows per job, plus
 *     the idempotency lookup and row conversion), in transactions of 1,000, with the ratio.
 *
 * Run: `npm run bench`, or `npx tsc -b && node -r @swc-node/register test/bench/store.bench.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database = require('better-sqlite3');
import { v7 as newId } from 'uuid';
import { openSqliteStore, type NewOutboxEvent, type NewTimelineEntry, type SqliteStore, type TaskCreation } from '@wardline/core';

const ROWS = 100_000;
const BATCH = 1_000;
const WARDS = 50;
const folder = mkdtempSync(join(tmpdir(), 'wardline-store-bench-'));
let files = 0;
const freshStore = (): SqliteStore => openSqliteStore({ path: join(folder, `bench-${++files}.db`) });
const rate = (rows: number, ms: number): string => `${Math.round((rows / ms) * 1000).toLocaleString('en-GB')} rows/s`;
const wardId = (i: number): string => `00000000-0000-4000-8000-${String(i % WARDS).padStart(12, '0')}`;
const TASK_TYPE = '00000000-0000-4000-9000-000000000001';

async function seed(store: SqliteStore): Promise<void> {
  await store.importRows([
    { table: 'ward', mode: 'insert', rows: Array.from({ length: WARDS }, (_, i) => ({ id: wardId(i), name: `Ward ${i}`, code: `E0500${String(i).padStart(4, '0')}`, boundary: '{"type":"Polygon","coordinates":[]}' })) },
    { table: 'taskType', mode: 'insert', rows: [{ id: TASK_TYPE, name: 'Fly-tipping', code: 'fly-tipping', serviceArea: 'street_care', defaultPriority: 'normal', slaHours: 16, dispatchMode: 'assign', redaction: 'standard', duplicateRadius: 50, duplicateWindowDays: 14 }] },
  ]);
}

async function benchImport(): Promise<void> {
  const store = freshStore();
  await seed(store);
  const rows = Array.from({ length: ROWS }, (_, i) => ({ name: `Litter bin ${i}`, assetType: 'litter bin', externalId: `BIN-${i}`, latitude: 51.8 + (i % 1000) / 10_000, longitude: 0.9 + Math.floor(i / 1000) / 10_000, ward: wardId(i) }));
  const started = performance.now();
  const written = await store.importRows([{ table: 'asset', mode: 'insert', rows }]);
  const ms = performance.now() - started;
  console.log(`importRows, ${written.toLocaleString('en-GB')} assets in one transaction: ${ms.toFixed(0)} ms, ${rate(written, ms)}`);
  await store.close();
}

function creations(): TaskCreation[] {
  const reportedOn = '2026-03-02T09:00:00.000Z';
  return Array.from({ length: ROWS }, (_, i) => {
    const timeline: NewTimelineEntry[] = [{ summary: 'Reported', kind: 'created', occurredOn: reportedOn, visibility: 'public' }];
    const outbox: NewOutboxEvent[] = [{ name: 'Job raised', eventType: 'task.created', channel: 'log', payload: `{"n":${i}}`, idempotencyKey: `task.created:${i}` }];
    const task = { id: newId(), reference: `WL-26-${String(i).padStart(6, '0')}`, title: `Mattress on verge ${i}`, taskType: TASK_TYPE, status: 'new' as const, priority: 'normal' as const, latitude: 51.89, longitude: 0.9, ward: wardId(i), sourceChannel: 'open311' as const, externalReference: `SR-${i}`, dispatchMode: 'assign' as const, reportedOn, dueBy: '2026-03-04T09:00:00.000Z', reportCount: 1, rowVersion: 1 };
    return { task, timeline, outbox };
  });
}

/** The same rows (and the same kind of ids) written with hand-made prepared statements: the floor the store is measured against. */
function plainInserts(db: Database.Database, jobs: TaskCreation[], withParts: boolean): number {
  const now = new Date().toISOString();
  const task = db.prepare('INSERT INTO wl_task (id, createdon, modifiedon, wl_reference, wl_title, wl_tasktype, wl_status, wl_priority, wl_latitude, wl_longitude, wl_ward, wl_sourcechannel, wl_externalreference, wl_dispatchmode, wl_reportedon, wl_dueby, wl_reportcount, wl_rowversion) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const update = db.prepare('INSERT INTO wl_taskupdate (id, createdon, modifiedon, wl_summary, wl_task, wl_kind, wl_occurredon, wl_visibility) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const event = db.prepare("INSERT INTO wl_outbox (id, createdon, modifiedon, wl_name, wl_eventtype, wl_channel, wl_payload, wl_idempotencykey, wl_task, wl_status, wl_attempts, wl_nextattempton) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?)");
  const batch = db.transaction((slice: TaskCreation[]) => {
    for (const { task: t, timeline, outbox } of slice) {
      task.run(t.id, now, now, t.reference, t.title, t.taskType, t.status, t.priority, t.latitude, t.longitude, t.ward, t.sourceChannel, t.externalReference, t.dispatchMode, t.reportedOn, t.dueBy, t.reportCount, t.rowVersion);
      if (!withParts) continue;
      const u = timeline[0];
      update.run(newId(), now, now, u.summary, t.id, u.kind, u.occurredOn, u.visibility);
      const o = outbox[0];
      event.run(newId(), now, now, o.name, o.eventType, o.channel, o.payload, o.idempotencyKey, t.id, now);
    }
  });
  const started = performance.now();
  for (let i = 0; i < jobs.length; i += BATCH) batch(jobs.slice(i, i + BATCH));
  return performance.now() - started;
}

async function benchJobs(): Promise<void> {
  const jobs = creations();
  const plain = async (withParts: boolean): Promise<number> => {
    const store = freshStore();
    await seed(store);
    const ms = plainInserts(store.db, jobs, withParts);
    await store.close();
    return ms;
  };
  const plainTaskMs = await plain(false);
  const plainAllMs = await plain(true);
  const store = freshStore();
  await seed(store);
  const started = performance.now();
  for (let i = 0; i < jobs.length; i += BATCH) await store.createTasks(jobs.slice(i, i + BATCH));
  const storeMs = performance.now() - started;
  await store.close();
  console.log(`plain better-sqlite3, job rows only, batches of ${BATCH}: ${plainTaskMs.toFixed(0)} ms, ${rate(ROWS, plainTaskMs)}`);
  console.log(`plain better-sqlite3, job + timeline + outbox rows: ${plainAllMs.toFixed(0)} ms, ${rate(ROWS, plainAllMs)} (jobs)`);
  console.log(`store.createTasks, job + timeline + outbox: ${storeMs.toFixed(0)} ms, ${rate(ROWS, storeMs)} (jobs)`);
  console.log(`ratio store / plain (job rows only): ${(plainTaskMs / storeMs).toFixed(2)} of plain speed`);
  console.log(`ratio store / plain (same three rows): ${(plainAllMs / storeMs).toFixed(2)} of plain speed`);
}

async function main(): Promise<void> {
  console.log(`# store bench: ${ROWS.toLocaleString('en-GB')} rows, SQLite in WAL mode, temp files`);
  try {
    await benchImport();
    await benchJobs();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

void main();
