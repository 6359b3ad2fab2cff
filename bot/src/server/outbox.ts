import type { Logger } from 'pino';
import type { Store } from '@wardline/core';
import { SqliteDeliveryLog, createDispatcher, createLogChannel, type Channel, type DeliveryLog } from '@wardline/core/outbox';

/** Something the service runs beside the HTTP server and stops on shutdown. */
export interface BackgroundWorker {
  stop(): Promise<void>;
}

export interface OutboxOptions {
  store: Store;
  logger: Logger;
  clock: () => Date;
  /** Where the log channel records deliveries (a SQLite file, so a restart never repeats one); ':memory:' by default. */
  deliveryLogPath?: string;
  /** Extra channels (Teams, Notify, Open311) registered by later parts of the service. */
  channels?: readonly Channel[];
  pollMs?: number;
}

/**
 * Starts the outbox dispatcher with the log channel: each delivered event is one structured log
 * line (and one row in the delivery log). Later issues add the Teams and Notify channels here.
 */
export function startOutbox(options: OutboxOptions): BackgroundWorker {
  const durable = new SqliteDeliveryLog(options.deliveryLogPath ?? ':memory:');
  const log: DeliveryLog = {
    async write(idempotencyKey, line) {
      const first = await durable.write(idempotencyKey, line);
      if (first) options.logger.info({ delivery: JSON.parse(line) as unknown }, 'outbox event delivered (log channel)');
      return first;
    },
  };
  const dispatcher = createDispatcher({
    store: options.store,
    channels: [createLogChannel({ log, clock: options.clock }), ...(options.channels ?? [])],
    clock: options.clock,
    pollMs: options.pollMs,
    // Different recipients in parallel (one recipient's events stay in order): with the Teams
    // channel's per-chat limit of one a second, this is what reaches Teams' per-app rate.
    concurrency: 4,
    log: (level, message, fields) => options.logger[level]({ component: 'dispatcher', ...fields }, message),
  });
  dispatcher.start();
  return {
    async stop() {
      await dispatcher.stop();
      durable.close();
    },
  };
}
