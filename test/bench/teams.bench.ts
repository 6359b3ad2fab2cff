/**
 * Teams fan-out benchmark: 1,000 job cards to 1,000 officers through the outbox and the Teams
 * channel, against the loopback Bot Connector enforcing Teams' limits (per chat 7/1 s, 8/2 s,
 * 60/30 s; about 50 a second per app). Prints the achieved send rate as a ratio of the channel's
 * configured app limit and of Teams' 50 a second, the 429s (all must have been retried), and
 * duplicates (must be zero). Figures only; no timed assertions.
 *
 * The dispatcher delivers to several recipients at once (its `concurrency` option), so one card's
 * store reads and card building overlap another's wait for a rate-limit slot; per chat the channel
 * still sends at most one a second, and across the app at most its configured limit. Every round
 * ends when its slowest delivery does, so larger batches lose less time between rounds.
 *
 * Invoke latency: Teams waits at most 15 seconds for a card action and Wardline aims for well
 * under 3. The real service (startServer, all its routes and the outbox with its channels running)
 * on a store grown to 20,000 demo-like jobs answers adaptiveCard/action invokes (Accept, Start,
 * Complete) posted over HTTP to /api/messages, as Teams posts them; the loopback Bot Connector
 * takes the cards the outbox sends meanwhile. Prints p50/p95/p99/max per phase (one person at a
 * time; several at once; several at once while the outbox sends 1,000 queued job cards), the
 * service's start and the first invoke after it apart, and p99 as a ratio of 3,000 ms.
 * BENCH_TEAMS_CPU_PROFILE=FILE writes a CPU profile of the invokes (seeding left out).
 *
 * Run: `npm run bench -- teams`, or `npx tsc -b && node test/bench/run.js teams`.
 * BENCH_TEAMS_PARTS=invoke (or fanout) runs one part; BENCH_TEAMS_JOBS, BENCH_TEAMS_WORKED and
 * BENCH_TEAMS_INVOKE_CONCURRENCY size the invoke part.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pino from 'pino';
import { createDispatcher, openSqliteStore, readCouncilSettings, type TaskCreation } from '@wardline/core';
import { createTeamsRuntime } from '../../bot/dist/teams';
import { LoopbackConnector } from '../teams/support/loopback-connector';
import { measureInvokes } from '../teams/support/invoke-latency';

const OFFICERS = Number(process.env.BENCH_TEAMS_OFFICERS ?? 1000);
const APP_LIMIT = 45;
const CONCURRENCY = Number(process.env.BENCH_TEAMS_CONCURRENCY ?? 4);
const BATCH = Number(process.env.BENCH_TEAMS_BATCH ?? 500);

async function fanOut(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'wardline-teams-bench-'));
  const connector = await new LoopbackConnector().start();
  const store = openSqliteStore({ path: join(folder, 'wardline.db') });
  const ward = (JSON.parse(readFileSync(resolve(__dirname, '../../../shared/reference/wards/E07000071.geojson'), 'utf8')) as { features: { properties: { cmwd11cd: string; cmwd11nm: string }; geometry: unknown }[] }).features[0];
  const now = new Date().toISOString();
  await store.importRows([
    { table: 'ward', mode: 'insert', rows: [{ id: ward.properties.cmwd11cd, name: ward.properties.cmwd11nm, code: ward.properties.cmwd11cd, boundary: JSON.stringify(ward.geometry) }] },
    { table: 'taskType', mode: 'insert', rows: [{ id: 'tt-fly', code: 'fly-tipping', name: 'Fly-tipping', serviceArea: 'street_care', defaultPriority: 'normal', slaHours: 16, dispatchMode: 'assign', redaction: 'standard', duplicateRadius: 0, duplicateWindowDays: 0 }] },
    { table: 'officer', mode: 'insert', rows: Array.from({ length: OFFICERS }, (_, i) => ({
      id: `off-${i}`, name: `Officer ${i}`, entraObjectId: `aad-${i}`, role: 'officer', teams: 'Street care', onDuty: true,
      conversationReference: JSON.stringify({ v: 1, channelId: 'msteams', serviceUrl: connector.url, conversationId: `a:chat-${i}`, tenantId: 't', userId: `29:${i}`, botId: '28:bot', updatedOn: now }),
    })) },
  ]);
  const creations: TaskCreation[] = Array.from({ length: OFFICERS }, (_, i) => ({
    task: { id: `task-${i}`, reference: `WL-26-${String(i + 1).padStart(6, '0')}`, title: `Fly-tipping job ${i}`, description: 'Bags on the verge', taskType: 'tt-fly', status: 'assigned', priority: 'normal', latitude: 51.89, longitude: 0.9, sourceChannel: 'cli', assignedOfficer: `off-${i}`, assignedTeam: 'Street care', dispatchMode: 'assign', reportedOn: now, reportCount: 1, rowVersion: 1, ward: ward.properties.cmwd11cd },
    timeline: [],
    outbox: [{ name: `task.assigned job ${i}`, eventType: 'task.assigned', channel: 'teams', recipient: `off-${i}`, idempotencyKey: `task.assigned:task-${i}:1:teams:off-${i}`, payload: JSON.stringify({ eventType: 'task.assigned', taskId: `task-${i}`, rowVersion: 1, audience: 'officer', reason: 'assignee' }) }],
  }));
  await store.createTasks(creations);
  const settings = readCouncilSettings({ WARDLINE_COUNCIL_NAME: 'Bench Council', WARDLINE_SERVICE_URL: 'https://wardline.bench.example' });
  const runtime = createTeamsRuntime({ store, settings, logger: pino({ level: 'silent' }), clock: () => new Date(), config: { ledgerPath: join(folder, 'teams.db'), mediaDir: join(folder, 'media'), globalPerSecond: APP_LIMIT } });
  const dispatcher = createDispatcher({ store, channels: [runtime.channel], log: (level, message) => { if (level !== 'info' && process.env.BENCH_DEBUG) process.stderr.write(message + '\n'); }, batchSize: BATCH, leaseMs: 120_000, concurrency: CONCURRENCY });
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  for (let round = 0; round < 1000; round += 1) {
    const summary = await dispatcher.runOnce();
    if (summary.claimed === 0 && (await store.listOutbox({ status: 'pending', channel: 'teams' })).length === 0) break;
    if (summary.claimed === 0) await new Promise((r) => setTimeout(r, 200));
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const sends = connector.activityCalls.filter((c) => c.method === 'POST');
  const perConversation = new Map<string, number>();
  for (const call of sends) perConversation.set(call.conversationId ?? '', (perConversation.get(call.conversationId ?? '') ?? 0) + 1);
  const duplicates = [...perConversation.values()].filter((n) => n > 1).length;
  const outbox = await store.listOutbox({ channel: 'teams' });
  const delivered = outbox.filter((e) => e.status === 'delivered').length;
  const notDelivered = outbox.length - delivered;
  const rate = sends.length / seconds;
  const lines = [
    `Teams fan-out: ${OFFICERS} job cards to ${OFFICERS} officers through the outbox, loopback connector enforcing Teams' limits`,
    `  dispatcher           batches of ${BATCH}, ${CONCURRENCY} recipients at once (BENCH_TEAMS_BATCH, BENCH_TEAMS_CONCURRENCY)`,
    `  delivered            ${delivered} of ${outbox.length} (${notDelivered} not delivered)`,
    `  cards received       ${sends.length} in ${seconds.toFixed(2)} s = ${rate.toFixed(1)} a second`,
    `  ratio to app limit   ${(rate / APP_LIMIT).toFixed(3)} of the channel's ${APP_LIMIT}/s (target at least 0.9)`,
    `  ratio to Teams       ${(rate / 50).toFixed(3)} of Teams' ~50/s per app`,
    `  429s from connector  ${connector.rejected429.length} (retried by the channel: ${runtime.channel.stats.retriedResponses[429] ?? 0}; unretried: ${Math.max(0, connector.rejected429.length - (runtime.channel.stats.retriedResponses[429] ?? 0))})`,
    `  CPU in this process  ${((cpu.user + cpu.system) / 1000 / OFFICERS).toFixed(1)} ms a card (bot, store and loopback connector together; concurrency ${CONCURRENCY})`,
    `  duplicates           ${duplicates} conversations got more than one card`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  await runtime.close();
  await store.close();
  await connector.stop();
  rmSync(folder, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const parts = (process.env.BENCH_TEAMS_PARTS ?? 'fanout,invoke').split(',').map((p) => p.trim());
  if (parts.includes('fanout')) await fanOut();
  if (parts.includes('invoke')) await measureInvokes();
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
