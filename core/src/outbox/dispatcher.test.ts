import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type SqliteStore } from '../store/sqlite';
import type { NewOutboxEvent } from '../store/store';
import { exponentialBackoff } from './backoff';
import { OutboxChannelRegistry, type Channel, type DeliveryResult } from './channel';
import { createStreamDeliveryLog } from './delivery-log';
import { createDispatcher, type DispatcherOptions } from './dispatcher';
import type { DispatcherLog } from './dispatcher-log';
import { createLogChannel } from './log-channel';
import { ChannelAlreadyRegisteredError } from './outbox-errors';

const T0 = Date.parse('2026-03-02T09:00:00.000Z');
let now = T0;
const clock = (): Date => new Date(now);
let folder: string;
let store: SqliteStore;
let logged: { level: string; message: string; fields?: Record<string, unknown> }[];
const log: DispatcherLog = (level, message, fields) => logged.push({ level, message, fields });

beforeEach(() => {
  now = T0;
  logged = [];
  folder = mkdtempSync(join(tmpdir(), 'wardline-dispatch-'));
  store = openSqliteStore({ path: join(folder, 'wardline.db'), clock });
});
afterEach(async () => {
  await store.close();
  rmSync(folder, { recursive: true, force: true });
});

const event = (key: string, overrides: Partial<NewOutboxEvent> = {}): NewOutboxEvent => ({
  name: `Card for ${key}`, eventType: 'task.assigned', channel: 'log', payload: JSON.stringify({ key }), idempotencyKey: key, nextAttemptOn: new Date(T0).toISOString(), ...overrides,
});

/** A channel answering from a script of results (or throwing), recording what it was given. */
function scripted(results: (DeliveryResult | Error)[]): Channel & { seen: string[] } {
  const seen: string[] = [];
  return {
    name: 'teams',
    seen,
    async deliver(e) {
      seen.push(e.idempotencyKey);
      const next = results.shift() ?? { outcome: 'delivered' };
      if (next instanceof Error) throw next;
      return next;
    },
  };
}

const dispatcher = (channels: Channel[], options: Partial<DispatcherOptions> = {}) =>
  createDispatcher({ store, channels, clock, log, leaseMs: 30_000, backoff: exponentialBackoff({ initialMs: 1000, maxMs: 60_000, jitter: 0 }), ...options });

describe('dispatcher', () => {
  it('delivers through the log channel, one JSON line per event, and marks each delivered', async () => {
    const lines: string[] = [];
    await store.enqueue([event('a'), event('b')]);
    const summary = await dispatcher([createLogChannel({ log: createStreamDeliveryLog({ write: (t: string) => lines.push(t) }), clock })]).runOnce();
    expect(summary).toEqual({ claimed: 2, delivered: 2, retried: 0, dead: 0 });
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ idempotencyKey: 'a', eventType: 'task.assigned', payload: { key: 'a' }, deliveredOn: '2026-03-02T09:00:00.000Z' }),
      expect.objectContaining({ idempotencyKey: 'b' }),
    ]);
    expect((await store.listOutbox()).map((e) => e.status)).toEqual(['delivered', 'delivered']);
  });

  it('makes a repeated delivery of one key a no-op in the log channel', async () => {
    const lines: string[] = [];
    const channel = createLogChannel({ log: createStreamDeliveryLog({ write: (t: string) => lines.push(t) }) });
    const [stored] = await store.enqueue([event('a')]);
    expect(await channel.deliver(stored)).toEqual({ outcome: 'delivered' });
    expect(await channel.deliver(stored)).toEqual({ outcome: 'delivered', detail: 'already delivered earlier; nothing written' });
    expect(lines).toHaveLength(1);
  });

  it('retries passing failures with growing delays, honours retryAfterMs, and gives up after maxAttempts', async () => {
    const channel = scripted([{ outcome: 'retry', reason: 'HTTP 503' }, { outcome: 'retry', reason: 'HTTP 429', retryAfterMs: 10_000 }, new Error('socket hang up')]);
    const [stored] = await store.enqueue([event('a', { channel: 'teams' })]);
    const run = dispatcher([channel], { maxAttempts: 3 });
    expect(await run.runOnce()).toMatchObject({ retried: 1 });
    expect((await store.listOutbox())[0]).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 503', nextAttemptOn: new Date(T0 + 1000).toISOString() });
    expect(await run.runOnce()).toMatchObject({ claimed: 0 });
    now = T0 + 1000;
    await run.runOnce();
    expect((await store.listOutbox())[0]).toMatchObject({ attempts: 2, lastError: 'HTTP 429', nextAttemptOn: new Date(now + 10_000).toISOString() });
    now += 10_000;
    expect(await run.runOnce()).toMatchObject({ dead: 1 });
    expect((await store.listOutbox())[0]).toMatchObject({ id: stored.id, status: 'dead', attempts: 3, lastError: 'socket hang up' });
    expect(channel.seen).toEqual(['a', 'a', 'a']);
    expect(logged.at(-1)).toMatchObject({ level: 'error', message: 'Gave up on Card for a after 3 attempts: socket hang up' });
  });

  it('parks a permanent failure as dead at once', async () => {
    await store.enqueue([event('a', { channel: 'teams' })]);
    expect(await dispatcher([scripted([{ outcome: 'failed', reason: 'HTTP 400: bad card' }])]).runOnce()).toMatchObject({ dead: 1 });
    expect((await store.listOutbox())[0]).toMatchObject({ status: 'dead', lastError: 'HTTP 400: bad card' });
  });

  it('leaves events for an unregistered channel pending and says so in the log', async () => {
    await store.enqueue([event('a', { channel: 'notify' }), event('b')]);
    const summary = await dispatcher([createLogChannel({ log: createStreamDeliveryLog({ write: () => true }) })]).runOnce();
    expect(summary.delivered).toBe(1);
    expect(await store.listOutbox({ status: 'pending' })).toEqual([expect.objectContaining({ idempotencyKey: 'a', attempts: 0 })]);
    expect(logged[0]).toMatchObject({ level: 'warn', fields: { code: 'WL-OUTBOX-001', channel: 'notify', waiting: 1 } });
    expect(logged[0].message).toMatch(/^No delivery channel "notify" is registered; event .+ waits until one is\.$/);
  });

  it('stops gracefully: the delivery in flight finishes, the rest of the batch is released', async () => {
    let release: () => void = () => undefined;
    const started: string[] = [];
    const slow: Channel = { name: 'log', deliver: (e) => new Promise((resolve) => { started.push(e.idempotencyKey); release = () => resolve({ outcome: 'delivered' }); }) };
    await store.enqueue([event('a'), event('b'), event('c')]);
    const run = dispatcher([slow], { pollMs: 10 });
    run.start();
    while (started.length === 0) await new Promise((r) => setTimeout(r, 5));
    const stopped = run.stop();
    release();
    await stopped;
    expect(started).toEqual(['a']);
    expect((await store.listOutbox()).map((e) => [e.idempotencyKey, e.status, e.leaseUntil])).toEqual([['a', 'delivered', null], ['b', 'pending', null], ['c', 'pending', null]]);
  });

  it('with concurrency, delivers different recipients at once and one recipient\'s events in claim order', async () => {
    const waiting = new Map<string, () => void>();
    const started: string[] = [];
    const gated: Channel = { name: 'teams', deliver: (e) => new Promise((resolve) => { started.push(e.idempotencyKey); waiting.set(e.idempotencyKey, () => resolve({ outcome: 'delivered' })); }) };
    await store.enqueue([event('x1', { channel: 'teams', recipient: 'off-x' }), event('x2', { channel: 'teams', recipient: 'off-x' }), event('y1', { channel: 'teams', recipient: 'off-y' }), event('z1', { channel: 'teams', recipient: 'off-z' })]);
    const round = dispatcher([gated], { concurrency: 2 }).runOnce();
    const until = async (check: () => boolean) => { while (!check()) await new Promise((r) => setTimeout(r, 2)); };
    await until(() => started.length === 2);
    expect(started).toEqual(['x1', 'y1']);
    waiting.get('y1')?.();
    await until(() => started.length === 3);
    expect(started).toEqual(['x1', 'y1', 'z1']);
    waiting.get('x1')?.();
    await until(() => started.length === 4);
    expect(started.at(-1)).toBe('x2');
    waiting.get('z1')?.();
    waiting.get('x2')?.();
    expect(await round).toEqual({ claimed: 4, delivered: 4, retried: 0, dead: 0 });
    expect(() => dispatcher([gated], { concurrency: 0 })).toThrow('Dispatcher option concurrency: must be a positive number, not 0');
  });

  it('with concurrency, stopping releases every event not yet started', async () => {
    let release: () => void = () => undefined;
    const started: string[] = [];
    const slow: Channel = { name: 'teams', deliver: (e) => new Promise((resolve) => { started.push(e.idempotencyKey); release = () => resolve({ outcome: 'delivered' }); }) };
    await store.enqueue([event('a1', { channel: 'teams', recipient: 'a' }), event('a2', { channel: 'teams', recipient: 'a' }), event('b1', { channel: 'teams', recipient: 'b' })]);
    const run = dispatcher([slow], { pollMs: 10, concurrency: 1 });
    run.start();
    while (started.length === 0) await new Promise((r) => setTimeout(r, 5));
    const stopped = run.stop();
    release();
    await stopped;
    expect(started).toEqual(['a1']);
    expect((await store.listOutbox()).map((e) => [e.idempotencyKey, e.status])).toEqual([['a1', 'delivered'], ['a2', 'pending'], ['b1', 'pending']]);
  });

  it('registers each channel name once', () => {
    const registry = new OutboxChannelRegistry([scripted([])]);
    expect(registry.names()).toEqual(['teams']);
    expect(() => registry.register(scripted([]))).toThrow(ChannelAlreadyRegisteredError);
    expect(() => dispatcher([], { leaseMs: 0 })).toThrow('Dispatcher option leaseMs: must be a positive number, not 0');
  });
});

describe('exponentialBackoff', () => {
  it('doubles from the initial delay up to the cap, with jitter taking up to its share off', () => {
    const fixed = exponentialBackoff({ initialMs: 1000, maxMs: 5000, jitter: 0 });
    expect([1, 2, 3, 4, 5].map(fixed)).toEqual([1000, 2000, 4000, 5000, 5000]);
    const jittered = exponentialBackoff({ initialMs: 1000, maxMs: 5000, random: () => 0.999 });
    expect(jittered(2)).toBe(1001);
    expect(exponentialBackoff({ initialMs: 1000, maxMs: 5000, random: () => 0 })(2)).toBe(2000);
  });
});
