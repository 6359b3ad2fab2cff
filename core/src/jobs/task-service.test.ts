import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InvalidInputError, OutsideCouncilError, StaleTaskError, TransitionNotAllowedError, UnknownTaskTypeError } from '../errors';
import { loadReferenceWards } from '../geo/reference-wards.test-data';
import { actorFromOfficer, systemActor } from '../lifecycle';
import { openSqliteStore } from '../store';
import type { SqliteStore } from '../store';
import { HIGH_STREET, councilSettings, officers, routingRules, taskTypeRow, taskTypes } from '../triage/triage-fixtures.test-data';
import { openTaskService } from './task-service';
import type { TaskService } from './task-service';
import type { NewTask } from './new-task';

const MONDAY = new Date('2025-06-09T09:00:00.000Z');
let dir: string;
let store: SqliteStore;
let service: TaskService;
let now = MONDAY;
const person = (id: string) => actorFromOfficer(officers.find((o) => o.id === id)!);

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'wardline-jobs-'));
  now = MONDAY;
  store = openSqliteStore({ path: path.join(dir, 'wardline.db'), clock: () => now });
  await store.importRows([
    { table: 'taskType', mode: 'insert', rows: taskTypes },
    { table: 'ward', mode: 'insert', rows: loadReferenceWards('E07000071').map((w) => ({ id: w.id, name: w.name, code: w.code, boundary: JSON.stringify(w.boundary), vintage: w.vintage })) },
    { table: 'officer', mode: 'insert', rows: officers },
    { table: 'routingRule', mode: 'insert', rows: routingRules },
    { table: 'asset', mode: 'insert', rows: [{ id: 'asset-bin', name: 'Litter bin LB-0042', assetType: 'litter bin', externalId: 'LB-0042', latitude: 51.89045, longitude: 0.90365 }] },
    { table: 'subscription', mode: 'insert', rows: [{ name: 'Cllr Cox: Castle', person: 'cllr-cox', ward: 'E36002735', channel: 'teams', events: 'raised,completed', active: true }] },
  ]);
  service = await openTaskService({ store, settings: councilSettings({ WARDLINE_SENSITIVE_LOCATIONS: '[]' }), clock: () => now });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const report = (over: Partial<NewTask> = {}): NewTask => ({
  taskTypeCode: 'fly-tipping', description: 'Mattress on the verge', ...HIGH_STREET, address: '12 High Street, Colchester', source: 'webform',
  reporter: { name: 'Pat Resident', email: 'pat@example.com' }, ...over,
});

describe('TaskService.report', () => {
  it('creates the job, its timeline, outbox events and the resident subscription in one call', async () => {
    const { task, decision, created } = await service.report(report());
    expect(created).toBe(true);
    expect(task).toMatchObject({
      reference: 'WL-25-000001', title: 'Fly-tipping at 12 High Street, Colchester', status: 'assigned', assignedOfficer: 'off-alex', assignedTeam: 'Street care',
      ward: 'E36002735', wardCode: 'E36002735', wardVintage: '2011', asset: 'asset-bin', priority: 'normal', dueBy: '2025-06-10T16:00:00.000Z', rowVersion: 1, reportCount: 1,
    });
    expect(decision.officer?.id).toBe('off-alex');
    const timeline = await store.getTimeline(task.id);
    expect(timeline.map((e) => `${e.kind}:${e.visibility}`).sort()).toEqual(['created:public', 'status_change:councillor', 'triage:internal']);
    const outbox = await store.listOutbox({ taskId: task.id });
    expect(outbox.map((e) => `${e.eventType} ${e.channel}:${e.recipient}`).sort()).toEqual([
      'task.assigned log:log', 'task.assigned teams:off-alex', 'task.raised log:log', 'task.raised notify:pat@example.com', 'task.raised teams:cllr-cox',
    ]);
    expect(await store.listSubscriptions({ taskId: task.id })).toEqual([expect.objectContaining({ channel: 'email', contact: 'pat@example.com' })]);
  });

  it('attaches a duplicate to the open job and acknowledges its reporter', async () => {
    const first = await service.report(report());
    const second = await service.report(report({ latitude: 51.89045, reporter: { email: 'lee@example.com' } }));
    expect(second).toMatchObject({ created: false, duplicate: true });
    expect(second.task).toMatchObject({ id: first.task.id, reportCount: 2, rowVersion: 2 });
    const outbox = await store.listOutbox({ taskId: first.task.id });
    expect(outbox.filter((e) => e.eventType === 'task.duplicate_report').map((e) => e.recipient)).toEqual(['lee@example.com', 'log']);
    expect((await store.listSubscriptions({ taskId: first.task.id })).map((s) => s.contact).sort()).toEqual(['lee@example.com', 'pat@example.com']);
    expect((await store.listTasks({})).total).toBe(1);
  });

  it('is idempotent on the external reference and on the client id', async () => {
    const a = await service.report(report({ source: 'open311', externalReference: 'fms-1' }));
    const b = await service.report(report({ source: 'open311', externalReference: 'fms-1' }));
    expect(b).toMatchObject({ created: false, task: { id: a.task.id, reportCount: 1 } });
    const dup1 = await service.report(report({ source: 'open311', externalReference: 'fms-2' }));
    const dup2 = await service.report(report({ source: 'open311', externalReference: 'fms-2' }));
    expect(dup1.task.reportCount).toBe(2);
    expect(dup2.task.reportCount).toBe(2);
    const c = await service.report(report({ taskTypeCode: 'graffiti', clientId: 'phone-1' }));
    const d = await service.report(report({ taskTypeCode: 'graffiti', clientId: 'phone-1' }));
    expect(d).toMatchObject({ created: false, task: { id: c.task.id } });
  });

  it('offers pool jobs and the first to accept takes it', async () => {
    const { task } = await service.report(report({ taskTypeCode: 'graffiti', description: 'Tag on the wall' }));
    expect(task).toMatchObject({ status: 'new', assignedOfficer: null, dispatchMode: 'pool' });
    const accepted = await service.act(task.reference, { kind: 'accept' }, person('off-kim'));
    expect(accepted.task).toMatchObject({ status: 'accepted', assignedOfficer: 'off-kim', rowVersion: 2 });
    expect(accepted.events).toEqual(['task.accepted', 'task.offer_taken']);
    await expect(service.act(task.reference, { kind: 'accept' }, person('off-sam'))).rejects.toThrow(TransitionNotAllowedError);
    await expect(service.act(task.reference, { kind: 'start' }, person('off-kim'), 1)).rejects.toThrow(StaleTaskError);
  });

  it('works a job through to completion and frees the officer', async () => {
    const { task } = await service.report(report({ taskTypeCode: 'fallen-tree', description: 'Branch across the path' }));
    const tom = person('off-tree');
    await service.act(task.id, { kind: 'accept' }, tom);
    await service.act(task.id, { kind: 'start' }, tom);
    await expect(service.act(task.id, { kind: 'complete', publicNote: '' }, tom)).rejects.toThrow('A public note saying what was done is needed');
    const done = await service.act(task.id, { kind: 'complete', publicNote: 'Branch cleared', clientId: 'tom-phone-7' }, tom);
    expect(done.task).toMatchObject({ status: 'completed', resolution: 'Branch cleared', rowVersion: 4 });
    const again = await service.act(task.id, { kind: 'complete', publicNote: 'Branch cleared', clientId: 'tom-phone-7' }, tom);
    expect(again.task.rowVersion).toBe(4);
    expect(service.context.people.openJobsOf('off-tree')).toBe(0);
    const outbox = await store.listOutbox({ taskId: task.id });
    expect(outbox.filter((e) => e.eventType === 'task.completed').map((e) => `${e.channel}:${e.recipient}`)).toEqual(['teams:cllr-cox', 'notify:pat@example.com', 'log:log']);
    const next = await service.report(report({ taskTypeCode: 'fallen-tree', description: 'Another branch' }));
    expect(next.created).toBe(true);
  });

  it('refuses bad reports with typed errors and stores nothing', async () => {
    await expect(service.report(report({ taskTypeCode: 'potholes' }))).rejects.toThrow(UnknownTaskTypeError);
    await expect(service.report(report({ latitude: 51.5007, longitude: -0.1246 }))).rejects.toThrow(OutsideCouncilError);
    await expect(service.report(report({ description: '  ' }))).rejects.toThrow('description: is required');
    await expect(service.report(report({ latitude: Number.NaN }))).rejects.toThrow(InvalidInputError);
    await expect(service.report(report({ reporter: { email: 'not-an-email' } }))).rejects.toThrow('reporter.email: "not-an-email" is not an email address');
    await expect(service.report(report({ source: 'pigeon' as NewTask['source'] }))).rejects.toThrow('source: "pigeon" is not one of');
    expect((await store.listTasks({})).total).toBe(0);
    expect(await store.listOutbox()).toEqual([]);
  });

  it('marks overdue jobs once', async () => {
    const { task } = await service.report(report());
    expect(await service.markOverdue(new Date('2025-06-10T15:59:00Z'))).toEqual([]);
    const marked = await service.markOverdue(new Date('2025-06-10T16:30:00Z'));
    expect(marked.map((t) => t.id)).toEqual([task.id]);
    expect(await service.markOverdue(new Date('2025-06-10T17:00:00Z'))).toEqual([]);
    const overdue = (await store.listOutbox({ taskId: task.id })).filter((e) => e.eventType === 'task.overdue');
    expect(overdue.map((e) => `${e.channel}:${e.recipient}`)).toEqual(['teams:off-alex', 'log:log']);
  });

  it('with Teams set up, events go to Teams and Notify only, and overdue jobs are still marked once per due time', async () => {
    const withTeams = await openTaskService({ store, settings: councilSettings({ WARDLINE_SENSITIVE_LOCATIONS: '[]', WARDLINE_BOT_APP_ID: '6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f' }), clock: () => now });
    const { task } = await withTeams.report(report());
    const duplicate = await withTeams.report(report({ reporter: { email: 'lee@example.com' } }));
    expect(duplicate.duplicate).toBe(true);
    await withTeams.act(task.id, { kind: 'accept' }, person('off-alex')); // told to nobody: without Teams only the log had it
    expect((await store.listOutbox({ taskId: task.id })).map((e) => `${e.eventType} ${e.channel}:${e.recipient}`).sort()).toEqual([
      'task.assigned teams:off-alex', 'task.duplicate_report notify:lee@example.com',
      'task.raised notify:pat@example.com', 'task.raised teams:cllr-cox',
    ]);

    // A job nobody is told about (no officer, no supervisor of its team) writes no overdue event,
    // so the timeline is what says it was marked.
    const unowned = await store.createTask({
      task: { ...task, id: undefined, reference: 'WL-25-000900', externalReference: null, assignedOfficer: null, assignedTeam: 'Nobody', status: 'new', rowVersion: 1 },
      timeline: [], outbox: [],
    });
    const late = new Date('2025-06-10T16:30:00Z');
    expect((await withTeams.markOverdue(late)).map((t) => t.reference).sort()).toEqual(['WL-25-000001', 'WL-25-000900']);
    expect(await withTeams.markOverdue(new Date('2025-06-10T17:00:00Z'))).toEqual([]);
    expect((await store.listOutbox({ taskId: unowned.task.id })).length).toBe(0);
    expect((await store.getTimeline(unowned.task.id)).map((e) => e.summary)).toEqual(['Overdue']);
    // A new due time can be missed again.
    const moved = await store.updateTask({ id: unowned.task.id, expectedRowVersion: 2, set: { dueBy: '2025-06-11T09:00:00.000Z' } });
    expect((await withTeams.markOverdue(new Date('2025-06-11T10:00:00Z'))).map((t) => t.id)).toContain(moved.id);
  });

  it('a councillor-raised job is raised a level and followed by the councillor; a preview stores nothing', async () => {
    const preview = service.triage(report({ councillorRaised: true, raisedBy: 'cllr-cox', reporter: undefined }));
    expect(preview.reasons).toContain('Raised to High: raised by a councillor');
    expect((await store.listTasks({})).total).toBe(0);
    const { task } = await service.report(report({ source: 'tab', councillorRaised: true, raisedBy: 'cllr-cox', reporter: undefined }));
    expect(task).toMatchObject({ priority: 'high', councillorRaised: true, reporterEmail: null });
    expect(await store.listSubscriptions({ taskId: task.id })).toEqual([expect.objectContaining({ person: 'cllr-cox', channel: 'teams' })]);
    const created = (await store.getTimeline(task.id)).find((e) => e.kind === 'created');
    expect(created).toMatchObject({ author: 'cllr-cox', authorName: 'Cllr Cox', summary: 'Reported by Teams tab' });
  });

  it('picks up new reference data on reload', async () => {
    await expect(service.report(report({ taskTypeCode: 'dog-fouling' }))).rejects.toThrow(UnknownTaskTypeError);
    await store.importRows([{ table: 'taskType', mode: 'insert', rows: [taskTypeRow({ id: 'tt-dog', code: 'dog-fouling', name: 'Dog fouling' })] }]);
    await service.reload();
    expect((await service.report(report({ taskTypeCode: 'dog-fouling' }))).task.taskType).toBe('tt-dog');
  });

  it('lets supervisors reassign and the system offer', async () => {
    const { task } = await service.report(report());
    const moved = await service.act(task.reference, { kind: 'reassign', officer: officers.find((o) => o.id === 'off-sam')!, reason: 'Alex on leave' }, person('sup-ruth'));
    expect(moved.task.assignedOfficer).toBe('off-sam');
    expect(service.context.people.openJobsOf('off-alex')).toBe(0);
    expect(service.context.people.openJobsOf('off-sam')).toBe(1);
    await expect(service.act(task.reference, { kind: 'cancel', reason: 'x' }, systemActor())).resolves.toMatchObject({ task: { status: 'cancelled' } });
  });
});

describe('TaskService people', () => {
  it('sees a change of duty after reloadPeople, keeping the open-job counts', async () => {
    const first = await service.report(report());
    expect(first.decision.officer?.id).toBe('off-alex');
    await store.updateOfficer('off-alex', { onDuty: false });
    expect(service.context.people.get('off-alex')?.onDuty).toBe(true);
    await service.reloadPeople();
    expect(service.context.people.get('off-alex')?.onDuty).toBe(false);
    expect(service.context.people.openJobsOf('off-alex')).toBe(1);
    const elsewhere = { latitude: HIGH_STREET.latitude + 0.003, longitude: HIGH_STREET.longitude };
    const next = await service.report(report({ ...elsewhere, address: 'North Hill, Colchester' }));
    expect(next.created).toBe(true);
    expect(next.decision.officer?.id).not.toBe('off-alex');
  });
});

describe('TaskService.report, many at once (group commit)', () => {
  it('writes reports that arrive together in one store call and answers each caller with its own outcome', async () => {
    const writeTasks = jest.spyOn(store, 'writeTasks');
    const createTask = jest.spyOn(store, 'createTask');
    const outcomes = await Promise.allSettled([
      service.report(report({ source: 'open311', externalReference: 'fms-10' })),
      service.report(report({ taskTypeCode: 'graffiti', description: 'Tag on the wall' })),
      service.report(report({ taskTypeCode: 'potholes' })),
      service.report(report({ taskTypeCode: 'fallen-tree', description: 'Branch across the path' })),
      service.report(report({ source: 'open311', externalReference: 'fms-10' })),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((outcomes[2] as PromiseRejectedResult).reason).toBeInstanceOf(UnknownTaskTypeError);
    const [first, graffiti, , tree, again] = outcomes.map((o) => (o.status === 'fulfilled' ? o.value : undefined));
    expect([first?.task.reference, graffiti?.task.reference, tree?.task.reference]).toEqual(['WL-25-000001', 'WL-25-000002', 'WL-25-000003']);
    expect(again).toMatchObject({ created: false, task: { id: first?.task.id } });
    expect(writeTasks).toHaveBeenCalledTimes(1);
    expect(createTask).not.toHaveBeenCalled();
    expect((await store.listTasks({})).items).toHaveLength(3);
  });

  it('takes each report on its own when the batch write fails, so one failure is not shared by all', async () => {
    jest.spyOn(store, 'writeTasks').mockRejectedValueOnce(new Error('disk I/O error'));
    const results = await Promise.all([service.report(report()), service.report(report({ taskTypeCode: 'graffiti', description: 'Tag on the wall' }))]);
    expect(results.map((r) => r.created)).toEqual([true, true]);
    expect((await store.listTasks({})).items).toHaveLength(2);
  });

  it('writes a report on its own at once when nothing else is waiting', async () => {
    const writeTasks = jest.spyOn(store, 'writeTasks');
    expect((await service.report(report())).created).toBe(true);
    expect(writeTasks).not.toHaveBeenCalled();
  });
});

describe('TaskService.reportMany', () => {
  it('writes a batch in one go: sequential references, duplicates within the batch attached, results in order', async () => {
    const results = await service.reportMany([
      report(),
      report({ taskTypeCode: 'graffiti', description: 'Tag on the wall', reporter: undefined }),
      report({ latitude: 51.89045, reporter: { email: 'lee@example.com' } }),
      report({ latitude: 51.89046, reporter: undefined, source: 'open311', externalReference: 'fms-9' }),
    ]);
    expect(results.map((r) => [r.created, r.duplicate, r.task.reference])).toEqual([
      [true, false, 'WL-25-000001'], [true, false, 'WL-25-000002'], [false, true, 'WL-25-000001'], [false, true, 'WL-25-000001'],
    ]);
    expect(results[3].task).toMatchObject({ reportCount: 3, rowVersion: 3 });
    expect(results[0].task).toMatchObject({ status: 'assigned', assignedOfficer: 'off-alex', rowVersion: 1 });
    expect((await store.listTasks({})).total).toBe(2);
    const first = results[0].task.id;
    expect(await store.getTask(first)).toMatchObject({ reportCount: 3, rowVersion: 3 });
    const outbox = await store.listOutbox({ taskId: first });
    expect(outbox.filter((e) => e.eventType === 'task.duplicate_report').map((e) => e.recipient).sort()).toEqual(['lee@example.com', 'log', 'log']);
    expect((await store.listSubscriptions({ taskId: first })).map((s) => s.contact).sort()).toEqual(['lee@example.com', 'pat@example.com']);
    // The next single report continues the same sequence and sees the batch's jobs as open.
    const next = await service.report(report({ taskTypeCode: 'graffiti', description: 'Another tag', reporter: undefined }));
    expect(next).toMatchObject({ duplicate: true, task: { id: results[1].task.id } });
    expect((await service.report(report({ taskTypeCode: 'fallen-tree', description: 'By the gate' }))).task.reference).toBe('WL-25-000003');
  });

  it('stores what report() would store for the same report', async () => {
    const [batched] = await service.reportMany([report({ externalReference: 'wf-1' })]);
    const single = await service.report(report({ externalReference: 'wf-2', latitude: HIGH_STREET.latitude + 0.001 }));
    const shape = async (id: string) => ({
      timeline: (await store.getTimeline(id)).map((e) => `${e.kind}:${e.visibility}`).sort(),
      outbox: (await store.listOutbox({ taskId: id })).map((e) => `${e.eventType} ${e.channel}`).sort(),
      subscriptions: (await store.listSubscriptions({ taskId: id })).map((s) => s.channel),
    });
    expect(batched.task).toMatchObject({ reference: 'WL-25-000001', status: 'assigned', dueBy: '2025-06-10T16:00:00.000Z', externalReference: 'wf-1', asset: 'asset-bin' });
    expect(await shape(batched.task.id)).toEqual(await shape(single.task.id));
  });

  it('is idempotent within the batch and against stored jobs', async () => {
    const before = await service.report(report({ source: 'open311', externalReference: 'fms-1' }));
    const results = await service.reportMany([
      report({ source: 'open311', externalReference: 'fms-1' }),
      report({ taskTypeCode: 'graffiti', source: 'open311', externalReference: 'fms-2', reporter: undefined }),
      report({ taskTypeCode: 'graffiti', source: 'open311', externalReference: 'fms-2', reporter: undefined }),
      report({ taskTypeCode: 'fallen-tree', clientId: 'phone-7' }),
      report({ taskTypeCode: 'fallen-tree', clientId: 'phone-7' }),
    ]);
    expect(results.map((r) => r.created)).toEqual([false, true, false, true, false]);
    expect(results[0].task.id).toBe(before.task.id);
    expect(results[2].task.id).toBe(results[1].task.id);
    expect(results[4].task.id).toBe(results[3].task.id);
    expect((await store.listTasks({})).total).toBe(3);
    const again = await service.reportMany([report({ taskTypeCode: 'fallen-tree', clientId: 'phone-7' }), report({ taskTypeCode: 'graffiti', source: 'open311', externalReference: 'fms-2' })]);
    expect(again.map((r) => [r.created, r.task.id])).toEqual([[false, results[3].task.id], [false, results[1].task.id]]);
  });

  it('stores nothing when one report is bad, names it, and carries on afterwards as if the batch never came', async () => {
    await expect(service.reportMany([report(), report({ taskTypeCode: 'graffiti' }), report({ reporter: { email: 'not-an-email' } })])).rejects.toThrow('reports[2].reporter.email: "not-an-email" is not an email address');
    const unknown = await service.reportMany([report(), report({ taskTypeCode: 'potholes' })]).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(UnknownTaskTypeError);
    expect((unknown as UnknownTaskTypeError).details).toMatchObject({ report: 1 });
    expect((await store.listTasks({})).total).toBe(0);
    expect(await store.listOutbox()).toEqual([]);
    const fresh = await service.report(report());
    expect(fresh).toMatchObject({ created: true, duplicate: false, task: { reference: 'WL-25-000001', assignedOfficer: 'off-alex' } });
  });

  it('rolls the whole batch back when the store refuses a write, and forgets the jobs it had decided', async () => {
    const first = await service.report(report());
    // Another writer changes the open job after it was read: attaching to it is stale, so nothing of the batch is stored.
    const writeTasks = store.writeTasks;
    store.writeTasks = async (writes) => {
      await store.updateTask({ id: first.task.id, expectedRowVersion: 1, set: { reportCount: 5 } });
      return writeTasks(writes);
    };
    await expect(service.reportMany([report({ taskTypeCode: 'graffiti', reporter: undefined }), report({ latitude: 51.89045 })])).rejects.toThrow(StaleTaskError);
    store.writeTasks = writeTasks;
    expect((await store.listTasks({})).total).toBe(1);
    const graffiti = await service.report(report({ taskTypeCode: 'graffiti', reporter: undefined }));
    expect(graffiti).toMatchObject({ created: true, duplicate: false });
  });
});
