/**
 * A dispatcher in its own process, for the crash test (dispatcher-crash.test.ts): it drains the
 * outbox of a SQLite store into a SqliteDeliveryLog through the real log channel, then exits.
 * Each delivery is followed by a pause and announced on stdout ("delivered KEY") right after the
 * log write and before the store marks it delivered, so the test can SIGKILL the process inside
 * that window: the worst moment for exactly-once delivery.
 *
 * Usage: node -r @swc-node/register dispatch-worker.ts STORE_DB DELIVERY_LOG_DB LEASE_MS PAUSE_MS
 */
import { openSqliteStore } from '../../store/sqlite';
import type { Channel } from '../channel';
import { SqliteDeliveryLog } from '../delivery-log';
import { createDispatcher } from '../dispatcher';
import { createLogChannel } from '../log-channel';

const [storePath, logPath, leaseMs, pauseMs] = process.argv.slice(2);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const store = openSqliteStore({ path: storePath });
  const deliveryLog = new SqliteDeliveryLog(logPath);
  const logChannel = createLogChannel({ log: deliveryLog });
  const announcing: Channel = {
    name: 'log',
    async deliver(event) {
      const result = await logChannel.deliver(event);
      process.stdout.write(`delivered ${event.idempotencyKey}\n`);
      await sleep(Number(pauseMs));
      return result;
    },
  };
  const dispatcher = createDispatcher({ store, channels: [announcing], leaseMs: Number(leaseMs), batchSize: 10, log: () => undefined });
  for (;;) {
    const { claimed } = await dispatcher.runOnce();
    if (claimed > 0) continue;
    const open = (await store.listOutbox({ status: 'pending' })).length + (await store.listOutbox({ status: 'delivering' })).length;
    if (open === 0) break;
    await sleep(50);
  }
  deliveryLog.close();
  await store.close();
  process.stdout.write('drained\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
