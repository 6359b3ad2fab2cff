import { formatMessage } from '../errors';
import { outboxChannel, type OutboxEvent } from '../model';
import type { Store } from '../store/store';
import { exponentialBackoff } from './backoff';
import { OutboxChannelRegistry, type Channel, type DeliveryResult } from './channel';
import { jsonLinesToStderr, type DispatcherLog } from './dispatcher-log';
import { BadDispatcherOptionError, OutboxErrors } from './outbox-errors';

/** Options for {@link createDispatcher}; every number has a default suited to the embedded store. */
export interface DispatcherOptions {
  store: Store;
  channels: OutboxChannelRegistry | readonly Channel[];
  clock?: () => Date;
  /** How long a claimed event is held; must exceed the slowest delivery (default 60 s). */
  leaseMs?: number;
  /** Events claimed per round (default 20). */
  batchSize?: number;
  /**
   * How many recipients are delivered to at once within a round (default 1). Events for the same
   * channel and recipient always go one after another in claim order; different recipients run in
   * parallel, so a channel that waits on its own rate limits or the network keeps several sends in
   * flight. Channels stay responsible for their own limits.
   */
  concurrency?: number;
  /** Delay before attempt n+1 after attempt n failed (default 5 s doubling to 1 h, with jitter). */
  backoff?: (attempt: number) => number;
  /** Attempts before an event is parked as dead (default 10). */
  maxAttempts?: number;
  /** Wait between rounds when there was nothing to do (default 1 s). */
  pollMs?: number;
  /** How often to look for events waiting on a channel nobody registered (default 60 s). */
  missingChannelCheckMs?: number;
  log?: DispatcherLog;
}

/** What one round did. */
export interface DispatchSummary {
  claimed: number;
  delivered: number;
  retried: number;
  dead: number;
}

/** Delivers outbox events through registered channels; see {@link createDispatcher}. */
export interface Dispatcher {
  /** One round: claim due events under a lease, deliver each, record the outcome. */
  runOnce(): Promise<DispatchSummary>;
  /** Runs rounds until stop(); a full batch is followed at once by the next round. */
  start(): void;
  /** Stops after the deliveries in flight; claimed events not yet started are released for the next dispatcher. */
  stop(): Promise<void>;
}

const positive = (option: string, value: number): number => {
  if (!(value > 0) || !Number.isFinite(value)) throw new BadDispatcherOptionError(option, `must be a positive number, not ${value}`);
  return value;
};

/** Events by channel and recipient, each list in claim order (an event with no recipient is its own list). */
function groupByRecipient(events: readonly OutboxEvent[]): Map<string, OutboxEvent[]> {
  const groups = new Map<string, OutboxEvent[]>();
  for (const event of events) {
    const key = event.recipient ? `${event.channel}\u0000${event.recipient}` : `event\u0000${event.id}`;
    const group = groups.get(key);
    if (group) group.push(event);
    else groups.set(key, [event]);
  }
  return groups;
}

/**
 * Creates the outbox dispatcher. Delivery is at least once from the store's side (an event whose
 * dispatcher died is claimed again when its lease lapses) and exactly once as a recipient sees it,
 * because channels ignore an idempotency key they have already delivered.
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { store } = options;
  const registry = options.channels instanceof OutboxChannelRegistry ? options.channels : new OutboxChannelRegistry(options.channels);
  const clock = options.clock ?? (() => new Date());
  const leaseMs = positive('leaseMs', options.leaseMs ?? 60_000);
  const batchSize = positive('batchSize', options.batchSize ?? 20);
  const concurrency = Math.floor(positive('concurrency', options.concurrency ?? 1));
  const maxAttempts = positive('maxAttempts', options.maxAttempts ?? 10);
  const pollMs = positive('pollMs', options.pollMs ?? 1000);
  const missingCheckMs = positive('missingChannelCheckMs', options.missingChannelCheckMs ?? 60_000);
  const backoff = options.backoff ?? exponentialBackoff({ initialMs: 5000, maxMs: 3_600_000 });
  const log = options.log ?? jsonLinesToStderr;
  let stopping = false;
  let lastMissingCheck = Number.NEGATIVE_INFINITY;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;

  async function reportMissingChannels(): Promise<void> {
    const now = clock().getTime();
    if (now - lastMissingCheck < missingCheckMs) return;
    lastMissingCheck = now;
    for (const { key } of outboxChannel.options) {
      if (registry.get(key)) continue;
      const waiting = await store.listOutbox({ status: 'pending', channel: key });
      if (waiting.length) log('warn', formatMessage(OutboxErrors.ChannelMissing.message, { channel: key, id: waiting[0].id }), { code: OutboxErrors.ChannelMissing.code, channel: key, waiting: waiting.length });
    }
  }

  async function attempt(event: OutboxEvent): Promise<DeliveryResult> {
    try {
      return await (registry.get(event.channel) as Channel).deliver(event);
    } catch (error) {
      return { outcome: 'retry', reason: error instanceof Error ? error.message : String(error) };
    }
  }

  async function record(event: OutboxEvent, result: DeliveryResult, summary: DispatchSummary): Promise<void> {
    const fields = { id: event.id, channel: event.channel, idempotencyKey: event.idempotencyKey, attempts: event.attempts };
    if (result.outcome === 'delivered') {
      await store.markDelivered(event.id, clock().toISOString());
      summary.delivered += 1;
      log('info', result.detail ? `Delivered ${event.name} (${result.detail})` : `Delivered ${event.name}`, fields);
      return;
    }
    const dead = result.outcome === 'failed' || event.attempts >= maxAttempts;
    const delay = Math.max(result.outcome === 'retry' ? result.retryAfterMs ?? 0 : 0, backoff(event.attempts));
    await store.markFailed(event.id, { error: result.reason, nextAttemptOn: new Date(clock().getTime() + delay).toISOString(), dead });
    if (dead) summary.dead += 1;
    else summary.retried += 1;
    log(dead ? 'error' : 'warn', dead ? `Gave up on ${event.name} after ${event.attempts} attempts: ${result.reason}` : `Will retry ${event.name} in ${delay} ms: ${result.reason}`, fields);
  }

  async function runOnce(): Promise<DispatchSummary> {
    const summary: DispatchSummary = { claimed: 0, delivered: 0, retried: 0, dead: 0 };
    await reportMissingChannels();
    const channels = registry.names();
    if (channels.length === 0) return summary;
    const events = await store.claimOutbox({ now: clock().toISOString(), leaseMs, limit: batchSize, channels });
    summary.claimed = events.length;
    const queues = [...groupByRecipient(events).values()];
    const release = (rest: readonly OutboxEvent[]) =>
      Promise.all(rest.map((e) => store.markFailed(e.id, { error: 'Released unattempted: the dispatcher stopped', nextAttemptOn: clock().toISOString(), dead: false })));
    async function worker(): Promise<void> {
      for (let queue = queues.shift(); queue; queue = queues.shift()) {
        for (const [index, event] of queue.entries()) {
          if (stopping) {
            await release(queue.slice(index));
            break;
          }
          await record(event, await attempt(event), summary);
        }
      }
    }
    await Promise.all(Array.from({ length: Math.min(concurrency, queues.length) }, worker));
    return summary;
  }

  async function run(): Promise<void> {
    while (!stopping) {
      let full = false;
      try {
        full = (await runOnce()).claimed >= batchSize;
      } catch (error) {
        log('error', `Dispatch round failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (!full && !stopping) await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wake = () => (clearTimeout(timer), resolve());
      });
    }
  }

  return {
    runOnce,
    start() {
      if (loop) return;
      stopping = false;
      loop = run();
    },
    async stop() {
      stopping = true;
      wake?.();
      await loop;
      loop = undefined;
    },
  };
}
