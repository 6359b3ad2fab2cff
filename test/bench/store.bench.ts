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
import Database from 'better-sqlite3';
import { v7 as newId } from 'uuid';
import { openSqliteStore, type NewOutboxEvent, type NewTimelineEntry, type SqliteStore, type TaskCreation } from '@wardline/core';

const ROWS = 100_000;
const BATCH = 1_000;
const WARDS = 50;
const folder = mkdtempSync(join(tmpdir(), 'wardline-store-bench-'));
let files = 0;
const freshStore = (): SqliteStore => openSqliteStore({ path: join(folder, `bench-${++files}.db`) });
const rate = (rows: number, ms: number): string => `${Math.round((rows / ms) * 1000).toLocaleString('en-GB')} rows/s`;

/** Wall time and this process's CPU time of some work: on a busy machine CPU time is the steadier figure. */
async function timed(work: () => unknown): Promise<{ ms: number; cpuMs: number; text: string }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  return { ms, cpuMs, text: `${ms.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU` };
}
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
  const time = await timed(() => store.importRows([{ table: 'asset', mode: 'insert', rows }]));
  console.log(`importRows, ${ROWS.toLocaleString('en-GB')} assets in one transaction: ${time.text}, ${rate(ROWS, time.ms)} (${rate(ROWS, time.cpuMs)} by CPU time)`);
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
function plainInserts(db: Database.Database, jobs: TaskCreation[], withParts: boolean): void {
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
  for (let i = 0; i < jobs.length; i += BATCH) batch(jobs.slice(i, i + BATCH));
}

async function benchJobs(): Promise<void> {
  const jobs = creations();
  const plain = async (withParts: boolean) => {
    const store = freshStore();
    await seed(store);
    const time = await timed(() => plainInserts(store.db, jobs, withParts));
    await store.close();
    return time;
  };
  const plainTask = await plain(false);
  const plainAll = await plain(true);
  const store = freshStore();
  await seed(store);
  const viaStore = await timed(async () => {
    for (let i = 0; i < jobs.length; i += BATCH) await store.createTasks(jobs.slice(i, i + BATCH));
  });
  await store.close();
  const line = (label: string, t: { ms: number; cpuMs: number; text: string }) => console.log(`${label}: ${t.text}, ${rate(ROWS, t.ms)} (${rate(ROWS, t.cpuMs)} by CPU time)`);
  line(`plain better-sqlite3, job rows only, transactions of ${BATCH}`, plainTask);
  line('plain better-sqlite3, job + timeline + outbox rows (jobs/s)', plainAll);
  line('store.createTasks, job + timeline + outbox (jobs/s)', viaStore);
  console.log(`ratio store / plain, job rows only: ${(plainTask.ms / viaStore.ms).toFixed(2)} of plain speed (CPU ${(plainTask.cpuMs / viaStore.cpuMs).toFixed(2)})`);
  console.log(`ratio store / plain, same three rows: ${(plainAll.ms / viaStore.ms).toFixed(2)} of plain speed (CPU ${(plainAll.cpuMs / viaStore.cpuMs).toFixed(2)})`);
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
