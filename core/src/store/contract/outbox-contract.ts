import type { Store } from '../store';
import { RowNotFoundError } from '../store-errors';
import { event, rejection } from './fixtures';

const T0 = '2026-03-02T09:00:00.000Z';
const at = (seconds: number): string => new Date(Date.parse(T0) + seconds * 1000).toISOString();

/** The durable outbox: claims under a lease, lapsed leases, delivery and failure. */
export function outboxContract(store: () => Store): void {
  describe('outbox', () => {
    it('enqueues pending events; a repeated idempotency key returns the stored event', async () => {
      const [stored] = await store().enqueue([event('k-1', { nextAttemptOn: T0 })]);
      expect(stored).toMatchObject({ status: 'pending', attempts: 0, nextAttemptOn: T0, leaseUntil: null, task: null });
      const [again] = await store().enqueue([event('k-1', { name: 'Other' })]);
      expect(again).toEqual(stored);
      expect(await store().listOutbox()).toHaveLength(1);
    });

    it('claims only due events, oldest first, up to the limit, under a lease', async () => {
      await store().enqueue([event('late', { nextAttemptOn: at(60) }), event('b', { nextAttemptOn: at(-10) }), event('a', { nextAttemptOn: at(-20) }), event('c', { nextAttemptOn: at(-5) })]);
      const claimed = await store().claimOutbox({ now: T0, leaseMs: 30_000, limit: 2 });
      expect(claimed.map((e) => e.idempotencyKey)).toEqual(['a', 'b']);
      expect(claimed[0]).toMatchObject({ status: 'delivering', attempts: 1, leaseUntil: at(30) });
      expect((await store().claimOutbox({ now: T0, leaseMs: 30_000, limit: 10 })).map((e) => e.idempotencyKey)).toEqual(['c']);
      expect(await store().claimOutbox({ now: at(10), leaseMs: 30_000, limit: 10 })).toEqual([]);
    });

    it('lets another dispatcher take an event whose lease lapsed (its holder died)', async () => {
      await store().enqueue([event('k-1', { nextAttemptOn: T0 })]);
      await store().claimOutbox({ now: T0, leaseMs: 30_000, limit: 1 });
      expect(await store().claimOutbox({ now: at(29), leaseMs: 30_000, limit: 1 })).toEqual([]);
      const [retaken] = await store().claimOutbox({ now: at(30), leaseMs: 30_000, limit: 1 });
      expect(retaken).toMatchObject({ idempotencyKey: 'k-1', attempts: 2, leaseUntil: at(60) });
    });

    it('claims only the channels asked for', async () => {
      await store().enqueue([event('log-1', { nextAttemptOn: T0 }), event('teams-1', { nextAttemptOn: T0, channel: 'teams' })]);
      expect((await store().claimOutbox({ now: T0, leaseMs: 1000, limit: 10, channels: ['teams'] })).map((e) => e.idempotencyKey)).toEqual(['teams-1']);
      expect((await store().listOutbox({ status: 'pending' })).map((e) => e.idempotencyKey)).toEqual(['log-1']);
    });

    it('marks delivery once: repeating it changes nothing and the event is never claimed again', async () => {
      const [stored] = await store().enqueue([event('k-1', { nextAttemptOn: T0 })]);
      await store().claimOutbox({ now: T0, leaseMs: 1000, limit: 1 });
      await store().markDelivered(stored.id, at(1));
      await store().markDelivered(stored.id, at(2));
      await store().markFailed(stored.id, { error: 'late failure', nextAttemptOn: at(3), dead: false });
      expect((await store().listOutbox())[0]).toMatchObject({ status: 'delivered', deliveredOn: at(1), leaseUntil: null, lastError: null });
      expect(await store().claimOutbox({ now: at(3600), leaseMs: 1000, limit: 10 })).toEqual([]);
      await rejection(store().markDelivered('00000000-0000-4000-8000-0000000000ee', T0), RowNotFoundError);
    });

    it('returns a failed event to pending for later, or parks it as dead', async () => {
      const [first, second] = await store().enqueue([event('k-1', { nextAttemptOn: T0 }), event('k-2', { nextAttemptOn: T0 })]);
      await store().claimOutbox({ now: T0, leaseMs: 1000, limit: 2 });
      await store().markFailed(first.id, { error: 'HTTP 503', nextAttemptOn: at(60), dead: false });
      await store().markFailed(second.id, { error: 'HTTP 400', nextAttemptOn: at(60), dead: true });
      expect(await store().claimOutbox({ now: at(59), leaseMs: 1000, limit: 10 })).toEqual([]);
      const [retried] = await store().claimOutbox({ now: at(60), leaseMs: 1000, limit: 10 });
      expect(retried).toMatchObject({ id: first.id, attempts: 2, lastError: 'HTTP 503' });
      expect(await store().listOutbox({ status: 'dead' })).toEqual([expect.objectContaining({ id: second.id, lastError: 'HTTP 400' })]);
    });
  });
}
