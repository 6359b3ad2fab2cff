import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { openSqliteStore, readCouncilSettings, type Officer, type SqliteStore, type Task } from '@wardline/core';
import { startServer } from '../../../bot/dist/server';
import { seedDemo } from '../../../scripts/dist';
import { growInvokeCouncil } from './invoke-council';
import { LoopbackConnector } from './loopback-connector';

/**
 * The invoke-latency part of test/bench/teams.bench.ts (bench support, not a test): the real
 * service on a store of demo-like jobs, card actions posted to /api/messages over HTTP as Teams
 * posts them, each timed from request to the invoke response.
 */
const JOBS = Number(process.env.BENCH_TEAMS_JOBS ?? 20_000);
const WORKED = Number(process.env.BENCH_TEAMS_WORKED ?? 451);
const CONCURRENCY = Number(process.env.BENCH_TEAMS_INVOKE_CONCURRENCY ?? 4);
const LIMIT_MS = 3000;
const FAN_OUT = Number(process.env.BENCH_TEAMS_INVOKE_FAN_OUT ?? 1000);

/** Queues `count` job cards (task.assigned) to the council's people, as a morning's dispatch would. */
async function enqueueFanOut(store: SqliteStore, count: number): Promise<void> {
  const people = (await store.listOfficers()).filter((p) => p.role === 'officer' || p.role === 'volunteer');
  const { items } = await store.listTasks({ statuses: ['assigned', 'accepted', 'in_progress'], limit: count });
  await store.enqueue(Array.from({ length: count }, (_, i) => {
    const task = items[i % items.length];
    const person = people[i % people.length];
    return {
      name: `task.assigned ${task.reference} (fan-out ${i})`, eventType: 'task.assigned', channel: 'teams' as const, recipient: person.id, task: task.id,
      idempotencyKey: `bench-fan-out:${i}:${task.id}:${person.id}`, payload: JSON.stringify({ eventType: 'task.assigned', taskId: task.id, reference: task.reference, rowVersion: task.rowVersion, reason: 'assignee' }),
    };
  }));
}

async function waitFor(check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('the outbox did not start sending the fan-out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** With BENCH_TEAMS_CPU_PROFILE=FILE, a V8 CPU profile of the measured invokes (seeding left out), for Chrome DevTools. */
async function profiled<T>(work: () => Promise<T>): Promise<T> {
  const file = process.env.BENCH_TEAMS_CPU_PROFILE;
  if (!file) return work();
  const session = new Session();
  session.connect();
  const post = (method: string) => new Promise<unknown>((done, fail) => session.post(method, (error, result) => (error ? fail(error) : done(result))));
  await post('Profiler.enable');
  await post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}

type Verb = 'accept' | 'start' | 'complete';
const STEPS: readonly { verb: Verb; notice: string; inputs?: Record<string, string> }[] = [
  { verb: 'accept', notice: 'You accepted this job' },
  { verb: 'start', notice: 'Work started' },
  { verb: 'complete', notice: 'Job completed. Thank you', inputs: { 'complete.publicNote': 'Cleared and the area swept.', 'complete.internalNote': 'Two bags, no hazardous waste.' } },
];

interface Timing {
  verb: Verb;
  ms: number;
  ok: boolean;
}

function invokeActivity(connectorUrl: string, officer: Officer, verb: Verb, data: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'invoke', name: 'adaptiveCard/action', channelId: 'msteams', serviceUrl: connectorUrl, id: `act-${Math.random().toString(36).slice(2)}`, timestamp: new Date().toISOString(),
    from: { id: `29:${officer.id}`, name: officer.name, aadObjectId: officer.entraObjectId },
    recipient: { id: '28:wardline-bot', name: 'Wardline' },
    conversation: { id: `a:chat-${officer.id}`, conversationType: 'personal', tenantId: 'tenant-1' },
    channelData: { tenant: { id: 'tenant-1' } },
    value: { action: { type: 'Action.Execute', verb, data: { ...data, wlVerb: verb } }, trigger: 'manual' },
  };
}

/** Accept, Start and Complete on one job, in order, each timed. */
async function workJob(url: string, connectorUrl: string, job: { task: Task; officer: Officer }): Promise<Timing[]> {
  const timings: Timing[] = [];
  let rowVersion = job.task.rowVersion;
  for (const step of STEPS) {
    const started = process.hrtime.bigint();
    const response = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(invokeActivity(connectorUrl, job.officer, step.verb, { taskId: job.task.id, rowVersion, ...step.inputs })) });
    const text = await response.text();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const ok = response.status === 200 && text.includes('"statusCode":200') && text.includes(step.notice);
    timings.push({ verb: step.verb, ms, ok });
    if (!ok) {
      if (process.env.BENCH_DEBUG) process.stderr.write(`${step.verb} on ${job.task.reference}: ${response.status} ${text.slice(0, 400)}\n`);
      break;
    }
    rowVersion += 1;
  }
  return timings;
}

/** Works the jobs with `concurrency` people at once (each person's job in order). */
async function run(url: string, connectorUrl: string, jobs: { task: Task; officer: Officer }[], concurrency: number): Promise<Timing[]> {
  const timings: Timing[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < jobs.length) timings.push(...(await workJob(url, connectorUrl, jobs[next++])));
  }));
  return timings;
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

function describe(label: string, timings: Timing[], cpuMs: number): string[] {
  const all = timings.map((t) => t.ms).sort((a, b) => a - b);
  const failed = timings.filter((t) => !t.ok).length;
  const p99 = percentile(all, 99);
  const byVerb = STEPS.map(({ verb }) => {
    const ms = timings.filter((t) => t.verb === verb).map((t) => t.ms).sort((a, b) => a - b);
    return `${verb} p50 ${percentile(ms, 50).toFixed(1)} / p99 ${percentile(ms, 99).toFixed(1)}`;
  }).join(', ');
  return [
    `  ${label.padEnd(20)} ${timings.length} invokes (${failed} not answered as expected)`,
    `    latency ms         p50 ${percentile(all, 50).toFixed(1)}  p95 ${percentile(all, 95).toFixed(1)}  p99 ${p99.toFixed(1)}  max ${all.at(-1)?.toFixed(1) ?? 'n/a'}`,
    `    by action ms       ${byVerb}`,
    `    p99 / 3,000 ms     ${(p99 / LIMIT_MS).toFixed(4)}`,
    `    CPU in process     ${(cpuMs / Math.max(1, timings.length)).toFixed(1)} ms an invoke (service, outbox, client and loopback connector together)`,
  ];
}

export async function measureInvokes(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'wardline-teams-invoke-'));
  const connector = await new LoopbackConnector().start();
  const dbPath = join(folder, 'wardline.db');
  // The Teams runtime reads its ledger and media places from the environment, beside the store.
  process.env.WARDLINE_DB = dbPath;
  const store = openSqliteStore({ path: dbPath });
  const settings = readCouncilSettings({ WARDLINE_COUNCIL_NAME: 'Wardline Borough Council', WARDLINE_SERVICE_URL: 'https://wardline.bench.example' });
  const now = new Date();
  const seedStarted = Date.now();
  await seedDemo(store, { settings, now, reports: Number(process.env.BENCH_TEAMS_DEMO_REPORTS ?? 300) });
  const council = await growInvokeCouncil(store, { connectorUrl: connector.url, jobs: JOBS, worked: WORKED, now });
  const seedSeconds = (Date.now() - seedStarted) / 1000;
  const startStarted = process.hrtime.bigint();
  const running = await startServer({ port: 0, host: '127.0.0.1', store, settings, logger: pino({ level: 'silent' }) });
  const startMs = Number(process.hrtime.bigint() - startStarted) / 1e6;

  const [first, ...rest] = council.worked;
  const third = Math.floor(rest.length / 3);
  const { cold, coldMs, sequential, sequentialCpu, concurrent, concurrentCpu, busy, busyCpu, busyCards } = await profiled(async () => {
    const coldStarted = process.hrtime.bigint();
    const cold = await workJob(running.url, connector.url, first);
    const coldMs = Number(process.hrtime.bigint() - coldStarted) / 1e6;
    let cpu = process.cpuUsage();
    const sequential = await run(running.url, connector.url, rest.slice(0, third), 1);
    const sequentialCpu = process.cpuUsage(cpu);
    cpu = process.cpuUsage();
    const concurrent = await run(running.url, connector.url, rest.slice(third, 2 * third), CONCURRENCY);
    const concurrentCpu = process.cpuUsage(cpu);
    // A morning's dispatch going out while people work their cards: the outbox building and sending job cards in the same process.
    const cardsBefore = connector.activityCalls.length;
    await enqueueFanOut(store, FAN_OUT);
    await waitFor(() => connector.activityCalls.length > cardsBefore);
    cpu = process.cpuUsage();
    const busy = await run(running.url, connector.url, rest.slice(2 * third), CONCURRENCY);
    return { cold, coldMs, sequential, sequentialCpu, concurrent, concurrentCpu, busy, busyCpu: process.cpuUsage(cpu), busyCards: connector.activityCalls.length - cardsBefore };
  });
  const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

  const lines = [
    `Teams card-action invokes over HTTP to /api/messages of the service (startServer, outbox running), ${council.jobs} jobs in the store`,
    `  store                ${council.jobs} jobs (demo council grown by copies of its jobs with their timelines and outbox), seeded in ${seedSeconds.toFixed(1)} s`,
    `  service start        ${startMs.toFixed(0)} ms to listening (the bot opens the task service, its open-job index included, as it mounts)`,
    `  first job after start Accept, Start, Complete: ${cold.map((t) => `${t.verb} ${t.ms.toFixed(1)} ms`).join(', ')} (${coldMs.toFixed(0)} ms in all; ${cold.filter((t) => !t.ok).length} not as expected)`,
    ...describe('one at a time', sequential, cpuMs(sequentialCpu)),
    ...describe(`${CONCURRENCY} people at once`, concurrent, cpuMs(concurrentCpu)),
    ...describe(`${CONCURRENCY} at once, fan-out`, busy, cpuMs(busyCpu)),
    `    during a fan-out of ${FAN_OUT} job cards queued in the outbox: ${busyCards} cards reached the connector while these invokes ran`,
    `  cards the outbox sent meanwhile  ${connector.activityCalls.length} to the loopback connector`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  await running.close();
  await connector.stop();
  rmSync(folder, { recursive: true, force: true });
}
