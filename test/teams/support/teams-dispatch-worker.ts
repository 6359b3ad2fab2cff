/**
 * The service's Teams delivery in a process of its own, for the crash tests
 * (delivery-crash.test.ts): the Teams runtime and the outbox dispatcher on a SQLite store and a
 * Teams side file, draining every pending Teams event, then printing "drained" and the channel's
 * counters. The test kills it with SIGKILL while Teams holds a card it accepted.
 *
 * Usage: node -r @swc-node/register teams-dispatch-worker.ts STORE_DB TEAMS_DB LEASE_MS
 */
import { join, dirname } from 'node:path';
import pino from 'pino';
import { createDispatcher, openSqliteStore, readCouncilSettings } from '@wardline/core';
import { createTeamsRuntime } from '../../../bot/dist/teams';

const [storePath, ledgerPath, leaseMs] = process.argv.slice(2);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const store = openSqliteStore({ path: storePath });
  const settings = readCouncilSettings({ WARDLINE_COUNCIL_NAME: 'Colchester City Council', WARDLINE_SERVICE_URL: 'https://wardline.colchester.example' });
  const runtime = createTeamsRuntime({
    store, settings, logger: pino({ level: 'warn' }, pino.destination(2)), clock: () => new Date(),
    config: { ledgerPath, mediaDir: join(dirname(ledgerPath), 'media'), globalPerSecond: 45, teamsAppId: '6d0e3e1c-58ad-4a5b-9c84-0c1f2f0d7a11' },
  });
  const dispatcher = createDispatcher({ store, channels: [runtime.channel], leaseMs: Number(leaseMs), batchSize: 10, log: () => undefined });
  for (;;) {
    const { claimed } = await dispatcher.runOnce();
    if (claimed > 0) continue;
    const open = (await store.listOutbox({ status: 'pending', channel: 'teams' })).length + (await store.listOutbox({ status: 'delivering', channel: 'teams' })).length;
    if (open === 0) break;
    await sleep(50);
  }
  process.stdout.write(`${JSON.stringify(runtime.channel.stats)}\ndrained\n`);
  await runtime.close();
  await store.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
