import type { OutboxEvent } from '../model';
import type { Channel, DeliveryResult } from './channel';
import type { DeliveryLog } from './delivery-log';

/** Options for {@link createLogChannel}. */
export interface LogChannelOptions {
  /** Where lines go; its idempotency makes repeated deliveries no-ops. */
  log: DeliveryLog;
  /** Time written on each line; defaults to the system clock. */
  clock?: () => Date;
}

function parsePayload(payload: string): unknown {
  try {
    return JSON.parse(payload);
  } catch {
    return payload;
  }
}

/**
 * The `log` channel: writes one JSON line per delivered event. It is what a development machine
 * and the demo use in place of Teams and Notify, and what the exactly-once test observes.
 */
export function createLogChannel(options: LogChannelOptions): Channel {
  const clock = options.clock ?? (() => new Date());
  return {
    name: 'log',
    async deliver(event: OutboxEvent): Promise<DeliveryResult> {
      const line = JSON.stringify({
        deliveredOn: clock().toISOString(),
        idempotencyKey: event.idempotencyKey,
        eventType: event.eventType,
        recipient: event.recipient,
        task: event.task,
        payload: parsePayload(event.payload),
      });
      const written = await options.log.write(event.idempotencyKey, line);
      return written ? { outcome: 'delivered' } : { outcome: 'delivered', detail: 'already delivered earlier; nothing written' };
    },
  };
}
