import { ActorNotAllowedError, DescriptionRequiredError, MergeTargetInvalidError, PhotoRequiredError, ReasonRequiredError, TransitionNotAllowedError } from '../errors';
import { taskStatus } from '../model';
import type { Subscription, Task } from '../model';
import { officers } from '../triage/triage-fixtures.test-data';
import { actorFromOfficer, systemActor } from './actor';
import { applyAction } from './apply-action';
import type { LifecycleContext } from './lifecycle-context';
import { closedStatuses, onHoldStatuses, openStatuses } from './statuses';

const person = (id: string) => officers.find((o) => o.id === id)!;
const sam = actorFromOfficer(person('off-sam'));
const alex = actorFromOfficer(person('off-alex'));
const ruth = actorFromOfficer(person('sup-ruth'));
const cox = actorFromOfficer(person('cllr-cox'));
const ann = actorFromOfficer(person('vol-ann'));
const NOW = '2025-06-09T10:00:00.000Z';

function taskRow(over: Partial<Task> = {}): Task {
  return {
    id: 'task-1', createdOn: NOW, modifiedOn: NOW, reference: 'WL-25-000001', title: 'Mattress on verge', description: 'By the bus stop', taskType: 'tt-fly',
    status: 'assigned', priority: 'normal', priorityReason: null, latitude: 51.8904, longitude: 0.9036, address: '12 High Street, Colchester', uprn: null, usrn: null,
    ward: 'E36002735', wardCode: 'E36002735', wardVintage: '2011', asset: null, sourceChannel: 'webform', externalReference: null,
    reporterName: 'Pat Resident', reporterEmail: 'pat@example.com', reporterPhone: null, councillorRaised: false, assignedOfficer: 'off-sam', assignedTeam: 'Street care',
    dispatchMode: 'assign', dueBy: null, reportedOn: NOW, acceptedOn: null, startedOn: null, completedOn: null, resolution: null, duplicateOf: null, reportCount: 1, rowVersion: 3, ...over,
  };
}
const residentSub: Subscription = { id: 'sub-1', createdOn: NOW, modifiedOn: NOW, name: 'Resident', person: null, task: 'task-1', ward: null, taskType: null, channel: 'email', contact: 'pat@example.com', events: 'raised,completed,could_not_complete', active: true };
const context = (over: Partial<LifecycleContext> = {}): LifecycleContext => ({
  taskType: { name: 'Fly-tipping', requirePhoto: false }, now: NOW, offeredTo: [], hasPhoto: false,
  personOf: (id) => officers.find((o) => o.id === id), supervisorsOf: () => [person('sup-ruth')], subscriptions: [residentSub], ...over,
});

describe('status families', () => {
  it('cover every status of the model exactly once', () => {
    const all = [...openStatuses, ...closedStatuses].sort();
    expect(all).toEqual(taskStatus.options.map((o) => o.key).sort());
    expect(onHoldStatuses.every((s) => openStatuses.includes(s))).toBe(true);
  });
});

describe('applyAction', () => {
  it('accept by the assignee: status, time, timeline and events for the new row version', () => {
    const { change, task } = applyAction(taskRow(), { kind: 'accept', clientId: 'device-1' }, sam, context());
    expect(change).toMatchObject({ id: 'task-1', expectedRowVersion: 3, set: { status: 'accepted', assignedOfficer: 'off-sam', acceptedOn: NOW } });
    expect(change.timeline).toEqual([expect.objectContaining({ kind: 'status_change', fromStatus: 'assigned', toStatus: 'accepted', summary: 'Accepted by Sam Patel', visibility: 'councillor', author: 'off-sam', clientId: 'device-1' })]);
    expect(change.outbox!.map((e) => e.idempotencyKey)).toEqual(['task.accepted:task-1:4:log:log']);
    expect(task.rowVersion).toBe(4);
  });

  it('a pool decline tells supervisors only when the last person holding the offer declines', () => {
    const pooled = taskRow({ status: 'new', assignedOfficer: null, dispatchMode: 'pool' });
    const first = applyAction(pooled, { kind: 'decline', reason: 'Too far' }, sam, context({ offeredTo: ['off-sam', 'off-alex'] }));
    expect(first.change.outbox!.map((e) => `${e.eventType}:${e.recipient}`)).toEqual(['task.declined:log']);
    const last = applyAction(pooled, { kind: 'decline', reason: 'Van off the road' }, alex, context({ offeredTo: ['off-alex'] }));
    expect(last.change.set).toEqual({});
    expect(last.change.outbox!.map((e) => `${e.eventType}:${e.recipient}`)).toEqual(['task.declined:sup-ruth', 'task.declined:log']);
    expect(JSON.parse(last.change.outbox![0].payload)).toMatchObject({ reason: 'supervisor', noTaker: 'offer', declineReason: 'Van off the road' });
  });

  it('first to accept a pool offer takes it; the others are told it is taken', () => {
    const pooled = taskRow({ status: 'new', assignedOfficer: null, dispatchMode: 'pool' });
    const { change, events } = applyAction(pooled, { kind: 'accept' }, alex, context({ offeredTo: ['off-sam', 'off-alex', 'off-kim'] }));
    expect(change.set.assignedOfficer).toBe('off-alex');
    expect(events).toEqual(['task.accepted', 'task.offer_taken']);
    expect(change.outbox!.filter((e) => e.eventType === 'task.offer_taken').map((e) => e.recipient)).toEqual(['off-sam', 'off-kim', 'log']);
    expect(() => applyAction(pooled, { kind: 'accept' }, alex, context({ offeredTo: ['off-sam'] }))).toThrow('Alex Jones may not accept job WL-25-000001: the job was not given or offered to them');
  });

  it('a volunteer may accept an offer to them, and only work their own', () => {
    const offered = taskRow({ status: 'new', assignedOfficer: null, dispatchMode: 'volunteers' });
    expect(applyAction(offered, { kind: 'accept' }, ann, context({ offeredTo: ['vol-ann'] })).change.set.assignedOfficer).toBe('vol-ann');
    expect(() => applyAction(taskRow({ status: 'accepted' }), { kind: 'start' }, ann, context())).toThrow(ActorNotAllowedError);
    expect(() => applyAction(taskRow(), { kind: 'note', text: 'hello' }, ann, context())).toThrow('volunteers see only the jobs offered to or taken by them');
  });

  it('decline by the assignee puts the job back in the queue with an internal reason and tells supervisors', () => {
    const { change } = applyAction(taskRow(), { kind: 'decline', reason: 'Van off the road' }, sam, context());
    expect(change.set).toEqual({ status: 'new', assignedOfficer: null });
    expect(change.timeline![0]).toMatchObject({ kind: 'decline', note: 'Van off the road', visibility: 'internal' });
    expect(change.outbox!.map((e) => `${e.eventType}:${e.recipient}`)).toEqual(['task.declined:sup-ruth', 'task.declined:log']);
    expect(() => applyAction(taskRow(), { kind: 'decline', reason: '  ' }, sam, context())).toThrow(ReasonRequiredError);
  });

  it('complete: public note public, internal note internal, resident told; a photo when the type requires one', () => {
    const working = taskRow({ status: 'in_progress' });
    const { change } = applyAction(working, { kind: 'complete', publicNote: 'Mattress removed', internalNote: 'Needed two people', photo: { url: 'https://files.example/p1.jpg', type: 'image/jpeg' } }, sam, context({ taskType: { name: 'Fly-tipping', requirePhoto: true } }));
    expect(change.set).toMatchObject({ status: 'completed', completedOn: NOW, resolution: 'Mattress removed' });
    expect(change.timeline!.map((e) => [e.kind, e.visibility])).toEqual([['status_change', 'public'], ['photo', 'internal'], ['note', 'internal']]);
    const notify = change.outbox!.find((e) => e.channel === 'notify')!;
    expect(notify.recipient).toBe('pat@example.com');
    expect(JSON.parse(notify.payload)).toMatchObject({ audience: 'public', publicNote: 'Mattress removed', template: 'completed' });
    expect(() => applyAction(working, { kind: 'complete', publicNote: 'Done' }, sam, context({ taskType: { name: 'Fly-tipping', requirePhoto: true } }))).toThrow(PhotoRequiredError);
    expect(applyAction(working, { kind: 'complete', publicNote: 'Done' }, sam, context({ taskType: { name: 'Fly-tipping', requirePhoto: true }, hasPhoto: true })).task.status).toBe('completed');
    expect(() => applyAction(working, { kind: 'complete', publicNote: '' }, sam, context())).toThrow(DescriptionRequiredError);
  });

  it('refuses moves the state machine does not allow, naming both statuses', () => {
    expect(() => applyAction(taskRow({ status: 'completed' }), { kind: 'start' }, sam, context())).toThrow(new TransitionNotAllowedError('Completed', 'In progress'));
    expect(() => applyAction(taskRow({ status: 'on_hold' }), { kind: 'complete', publicNote: 'x' }, sam, context())).toThrow('A job that is On hold cannot be moved to Completed.');
    expect(() => applyAction(taskRow({ status: 'cancelled' }), { kind: 'reprioritise', priority: 'high', reason: 'x' }, ruth, context())).toThrow('A job that is Cancelled cannot be reprioritised.');
  });

  it('hold, resume and could-not-complete carry their reasons', () => {
    const held = applyAction(taskRow({ status: 'in_progress' }), { kind: 'hold', reason: 'Waiting for the skip' }, sam, context());
    expect(held.change.timeline![0]).toMatchObject({ toStatus: 'on_hold', note: 'Waiting for the skip', visibility: 'councillor' });
    expect(applyAction(taskRow({ status: 'on_hold' }), { kind: 'resume' }, sam, context()).change.set.status).toBe('in_progress');
    const cnc = applyAction(taskRow({ status: 'on_hold' }), { kind: 'couldNotComplete', reason: 'On private land', internalNote: 'Owner refused' }, sam, context());
    expect(cnc.change.set).toMatchObject({ status: 'could_not_complete', resolution: 'On private land' });
    expect(cnc.change.outbox!.map((e) => e.channel)).toEqual(['notify', 'log']);
  });

  it('supervisors manage their own teams only; officers may not', () => {
    const reassigned = applyAction(taskRow({ status: 'accepted' }), { kind: 'reassign', officer: person('off-alex'), reason: 'Sam is off sick' }, ruth, context());
    expect(reassigned.change.set).toMatchObject({ status: 'assigned', assignedOfficer: 'off-alex', acceptedOn: null });
    expect(reassigned.change.outbox!.map((e) => `${e.recipient}`)).toEqual(['off-alex', 'off-sam', 'log']);
    expect(() => applyAction(taskRow({ assignedTeam: 'Parks' }), { kind: 'cancel', reason: 'x' }, ruth, context())).toThrow('the job is in the Parks team, which they do not supervise');
    expect(() => applyAction(taskRow(), { kind: 'cancel', reason: 'x' }, sam, context())).toThrow('Sam Patel may not cancel job WL-25-000001: only a supervisor of the team may do this');
    const reprioritised = applyAction(taskRow(), { kind: 'reprioritise', priority: 'urgent', reason: 'Blocking a wheelchair ramp' }, ruth, context());
    expect(reprioritised.change.set).toEqual({ priority: 'urgent', priorityReason: 'Priority changed from Normal to Urgent by Ruth Ellis: Blocking a wheelchair ramp' });
  });

  it('councillors may only add councillor notes', () => {
    const { change } = applyAction(taskRow(), { kind: 'note', text: 'Residents are upset' }, cox, context());
    expect(change.timeline![0]).toMatchObject({ kind: 'note', visibility: 'councillor' });
    expect(() => applyAction(taskRow(), { kind: 'note', text: 'x', visibility: 'public' }, cox, context())).toThrow(ActorNotAllowedError);
    expect(() => applyAction(taskRow(), { kind: 'accept' }, cox, context())).toThrow('councillors may raise, follow and add notes to jobs');
  });

  it('lets the officer holding a job, or a supervisor, merge it; nobody else', () => {
    const into = { id: 'task-2', reference: 'WL-25-000002', status: 'assigned' as const };
    expect(applyAction(taskRow(), { kind: 'merge', into }, sam, context()).change.set).toEqual({ status: 'merged', duplicateOf: 'task-2' });
    expect(() => applyAction(taskRow(), { kind: 'merge', into }, alex, context())).toThrow('only the officer holding the job or a supervisor of its team may merge it');
    expect(() => applyAction(taskRow({ assignedOfficer: 'vol-ann', dispatchMode: 'volunteers' }), { kind: 'merge', into }, ann, context())).toThrow(ActorNotAllowedError);
    expect(() => applyAction(taskRow(), { kind: 'merge', into }, cox, context())).toThrow(ActorNotAllowedError);
  });

  it('merges into an open job only', () => {
    const merged = applyAction(taskRow(), { kind: 'merge', into: { id: 'task-2', reference: 'WL-25-000002', status: 'accepted' } }, ruth, context());
    expect(merged.change.set).toEqual({ status: 'merged', duplicateOf: 'task-2' });
    expect(() => applyAction(taskRow(), { kind: 'merge', into: { id: 'task-2', reference: 'WL-25-000002', status: 'completed' } }, ruth, context())).toThrow(MergeTargetInvalidError);
    expect(() => applyAction(taskRow(), { kind: 'merge', into: { id: 'task-1', reference: 'WL-25-000001', status: 'assigned' } }, ruth, context())).toThrow('cannot be merged into itself');
  });

  it('the system may assign and offer', () => {
    const fresh = taskRow({ status: 'new', assignedOfficer: null });
    expect(applyAction(fresh, { kind: 'assign', officer: person('off-kim') }, systemActor(), context()).change.outbox![0].recipient).toBe('off-kim');
    const offer = applyAction(fresh, { kind: 'offer', officers: [person('off-sam'), person('off-kim')] }, systemActor(), context());
    expect(offer.change.outbox!.map((e) => `${e.eventType}:${e.recipient}`)).toEqual(['task.offered:off-sam', 'task.offered:off-kim', 'task.offered:log']);
  });
});
