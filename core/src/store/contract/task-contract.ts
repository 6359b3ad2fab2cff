import { StaleTaskError, TaskNotFoundError, DuplicateKeyError } from '../../errors';
import type { Store } from '../store';
import { InvalidValueError, MissingReferenceError } from '../store-errors';
import { creation, entry, event, ids, newTask, rejection } from './fixtures';

/** Creating and changing jobs: atomicity, idempotency, optimistic concurrency. */
export function taskContract(store: () => Store): void {
  describe('creating jobs', () => {
    it('stores the job, its timeline and its outbox events together, with ids, times and row version 1', async () => {
      const { task, created } = await store().createTask(creation({ title: 'Sofa dumped' }, 'e-1'));
      expect(created).toBe(true);
      expect(task).toMatchObject({ title: 'Sofa dumped', rowVersion: 1, councillorRaised: false, description: null });
      expect(task.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(Date.parse(task.createdOn)).not.toBeNaN();
      expect(await store().getTask(task.id)).toEqual(task);
      expect(await store().getTimeline(task.id)).toEqual([expect.objectContaining({ summary: 'Reported', task: task.id })]);
      expect(await store().listOutbox({ taskId: task.id })).toEqual([expect.objectContaining({ idempotencyKey: 'e-1', status: 'pending', attempts: 0 })]);
    });

    it('writes nothing when any part of the creation is invalid', async () => {
      const bad = creation({}, 'e-2');
      bad.outbox.push(event('e-3', { channel: 'carrier-pigeon' as never }));
      const error = await rejection(store().createTask(bad), InvalidValueError);
      expect(error.message).toContain('outbox.channel');
      expect(await store().getTaskByReference(bad.task.reference)).toBeUndefined();
      expect(await store().listOutbox()).toEqual([]);
    });

    it('refuses dates that are not real, naming the column, and keeps other ISO forms as UTC', async () => {
      for (const reportedOn of ['yesterday', '2026-02-31T09:00:00.000Z']) {
        const error = await rejection(store().createTask(creation({ reportedOn })), InvalidValueError);
        expect(error.message).toMatch(/^task\.reportedOn: ".+" is not a (real )?date and time/);
      }
      const { task } = await store().createTask(creation({ reportedOn: '2026-03-02T10:00:00+01:00' }));
      expect(Date.parse(task.reportedOn)).toBe(Date.parse('2026-03-02T09:00:00Z'));
    });

    it('names the missing row when a lookup points nowhere', async () => {
      const error = await rejection(store().createTask(creation({ taskType: '00000000-0000-4000-8000-0000000000ff' })), MissingReferenceError);
      expect(error.message).toBe('task.taskType points to taskType "00000000-0000-4000-8000-0000000000ff", which does not exist.');
    });

    it('returns the existing job for a repeated external reference and writes nothing', async () => {
      const first = await store().createTask(creation({ sourceChannel: 'open311', externalReference: 'REQ-1' }, 'e-4'));
      const again = await store().createTask(creation({ sourceChannel: 'open311', externalReference: 'REQ-1', title: 'Different' }, 'e-5'));
      expect(again).toEqual({ task: first.task, created: false });
      expect(await store().getTaskByExternalReference('open311', 'REQ-1')).toEqual(first.task);
      expect((await store().listOutbox()).map((e) => e.idempotencyKey)).toEqual(['e-4']);
      const other = await store().createTask(creation({ sourceChannel: 'webform', externalReference: 'REQ-1' }));
      expect(other.created).toBe(true);
    });

    it('creates many jobs at once, idempotent within the batch too', async () => {
      const results = await store().createTasks([creation({ externalReference: 'X-1' }), creation({ externalReference: 'X-2' }), creation({ externalReference: 'X-1' })]);
      expect(results.map((r) => r.created)).toEqual([true, true, false]);
      expect(results[2].task.id).toBe(results[0].task.id);
      expect((await store().listTasks({})).total).toBe(2);
    });

    it('treats a creation whose timeline clientId is stored as already applied', async () => {
      const first = await store().createTask({ task: newTask(), timeline: [entry('Raised on the spot', { clientId: 'device-1' })], outbox: [] });
      const retry = await store().createTask({ task: newTask(), timeline: [entry('Raised on the spot', { clientId: 'device-1' })], outbox: [] });
      expect(retry).toEqual({ task: first.task, created: false });
      expect((await store().listTasks({})).total).toBe(1);
    });

    it('hands out reference numbers in sequence per year, without repeats under concurrency', async () => {
      const numbers = await Promise.all(Array.from({ length: 20 }, () => store().nextReferenceNumber(2026)));
      expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(await store().nextReferenceNumber(2027)).toBe(1);
    });
  });

  describe('writing a batch of jobs and changes (writeTasks)', () => {
    it('creates jobs and applies changes in order in one transaction, including a change to a job made earlier in the batch', async () => {
      const stored = await store().createTask(creation({}, 'before-1'));
      const fresh = creation({ id: '00000000-0000-4000-8000-00000000b001' }, 'batch-1');
      const results = await store().writeTasks([
        { create: fresh },
        { change: { id: '00000000-0000-4000-8000-00000000b001', expectedRowVersion: 1, set: { reportCount: 2 }, timeline: [entry('Reported again')], outbox: [event('batch-2')] } },
        { change: { id: stored.task.id, expectedRowVersion: 1, set: { reportCount: 2 } } },
      ]);
      expect(results.map((r) => [r.task.id, r.created, r.task.rowVersion, r.task.reportCount])).toEqual([
        ['00000000-0000-4000-8000-00000000b001', true, 1, 1], ['00000000-0000-4000-8000-00000000b001', false, 2, 2], [stored.task.id, false, 2, 2],
      ]);
      expect((await store().getTimeline('00000000-0000-4000-8000-00000000b001')).map((t) => t.summary)).toEqual(['Reported', 'Reported again']);
      expect((await store().listOutbox({ taskId: '00000000-0000-4000-8000-00000000b001' })).map((e) => e.idempotencyKey).sort()).toEqual(['batch-1', 'batch-2']);
    });

    it('writes nothing when any write of the batch fails (a stale change after good creations)', async () => {
      const stored = await store().createTask(creation());
      const first = creation({}, 'batch-ok');
      const error = await rejection(store().writeTasks([{ create: first }, { change: { id: stored.task.id, expectedRowVersion: 7, set: { reportCount: 2 } } }]), StaleTaskError);
      expect(error.details).toMatchObject({ expected: 7, actual: 1 });
      expect(await store().getTaskByReference(first.task.reference)).toBeUndefined();
      expect((await store().listOutbox()).some((e) => e.idempotencyKey === 'batch-ok')).toBe(false);
    });

    it('takes the writes from a generator, and rolls back what it wrote when the generator throws', async () => {
      const made = creation({}, 'generated-1');
      function* writes(failAfterFirst: boolean) {
        yield { create: made };
        if (failAfterFirst) throw new Error('the caller could not build the next job');
        yield { create: creation({}, 'generated-2') };
      }
      await expect(store().writeTasks(writes(true))).rejects.toThrow('the caller could not build the next job');
      expect(await store().getTaskByReference(made.task.reference)).toBeUndefined();
      expect(await store().listOutbox()).toEqual([]);
      const results = await store().writeTasks(writes(false));
      expect(results.map((r) => r.created)).toEqual([true, true]);
      expect((await store().listOutbox()).map((e) => e.idempotencyKey).sort()).toEqual(['generated-1', 'generated-2']);
    });

    it('reserves a block of reference numbers at once, continuing the single sequence', async () => {
      expect(await store().nextReferenceNumber(2030)).toBe(1);
      expect(await store().reserveReferenceNumbers(2030, 500)).toBe(2);
      expect(await store().nextReferenceNumber(2030)).toBe(502);
      const blocks = await Promise.all(Array.from({ length: 10 }, () => store().reserveReferenceNumbers(2031, 3)));
      expect([...blocks].sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => 1 + i * 3));
      await rejection(store().reserveReferenceNumbers(2030, 0), InvalidValueError);
    });

    it('enqueues an event whose idempotency key is stored once, returning the stored event', async () => {
      const [first] = await store().enqueue([event('once-1')]);
      const [again] = await store().enqueue([{ ...event('once-1'), payload: '{"other":true}' }]);
      expect(again).toEqual(first);
      expect((await store().listOutbox()).filter((e) => e.idempotencyKey === 'once-1')).toHaveLength(1);
    });
  });

  describe('changing jobs', () => {
    it('applies a change, bumps the row version and writes timeline and outbox with it', async () => {
      const { task } = await store().createTask(creation());
      const changed = await store().updateTask({ id: task.id, expectedRowVersion: 1, set: { status: 'assigned', assignedOfficer: ids.alice }, timeline: [entry('Assigned to Alice')], outbox: [event('assign-1')] });
      expect(changed).toMatchObject({ status: 'assigned', assignedOfficer: ids.alice, rowVersion: 2, title: task.title });
      expect((await store().getTimeline(task.id)).map((t) => t.summary)).toEqual(['Reported', 'Assigned to Alice']);
      expect((await store().listOutbox({ taskId: task.id })).map((e) => e.idempotencyKey)).toContain('assign-1');
    });

    it('refuses a stale change with StaleTaskError and writes nothing', async () => {
      const { task } = await store().createTask(creation());
      await store().updateTask({ id: task.id, expectedRowVersion: 1, set: { status: 'assigned' } });
      const error = await rejection(store().updateTask({ id: task.id, expectedRowVersion: 1, set: { status: 'cancelled' }, timeline: [entry('Cancelled')], outbox: [event('stale-1')] }), StaleTaskError);
      expect(error.code).toBe('WL-STORE-010');
      expect(error.details).toMatchObject({ ref: task.reference, expected: 1, actual: 2 });
      expect(await store().getTask(task.id)).toMatchObject({ status: 'assigned', rowVersion: 2 });
      expect((await store().getTimeline(task.id)).map((t) => t.summary)).toEqual(['Reported']);
      expect((await store().listOutbox()).some((e) => e.idempotencyKey === 'stale-1')).toBe(false);
    });

    it('says when the job does not exist', async () => {
      await rejection(store().updateTask({ id: '00000000-0000-4000-8000-0000000000fe', expectedRowVersion: 1, set: { status: 'assigned' } }), TaskNotFoundError);
    });

    it('rolls back the change when a part written with it fails', async () => {
      const { task } = await store().createTask(creation());
      await rejection(store().updateTask({ id: task.id, expectedRowVersion: 1, set: { status: 'assigned' }, timeline: [entry('x', { visibility: 'everyone' as never })] }), InvalidValueError);
      expect(await store().getTask(task.id)).toMatchObject({ status: 'new', rowVersion: 1 });
    });

    it('applies an offline change once: a retried clientId returns the job as it stands', async () => {
      const { task } = await store().createTask(creation());
      const sync = { id: task.id, expectedRowVersion: 1, set: { status: 'accepted' as const }, timeline: [entry('Accepted offline', { clientId: 'phone-42' })] };
      const first = await store().updateTask(sync);
      const retry = await store().updateTask(sync);
      expect(retry).toEqual(first);
      expect((await store().getTimeline(task.id)).filter((t) => t.clientId === 'phone-42')).toHaveLength(1);
      expect((await store().getTimelineEntryByClientId('phone-42'))?.task).toBe(task.id);
      const other = await store().createTask(creation());
      await rejection(store().updateTask({ ...sync, id: other.task.id }), DuplicateKeyError);
    });
  });
}
