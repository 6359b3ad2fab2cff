import type { Subscription } from '../model';
import { idempotencyKey, planEvents } from './plan-events';
import type { EventPlanInput } from './plan-events';

const stamp = { id: 's', createdOn: '', modifiedOn: '', name: 'sub', person: null, task: null, ward: null, taskType: null, contact: null, active: true };
const sub = (over: Partial<Subscription>): Subscription => ({ ...stamp, channel: 'teams', events: 'raised', ...over });
const task = { id: 'task-1', reference: 'WL-25-000001', title: 'Mattress', status: 'completed' as const, ward: 'w1', taskType: 'tt-fly' };
const people = new Map([['cllr', { id: 'cllr', name: 'Cllr Cox', role: 'councillor' as const }]]);
const plan = (over: Partial<EventPlanInput>) => planEvents({ eventType: 'task.completed', task, rowVersion: 4, occurredOn: '2025-06-09T10:00:00Z', personOf: (id) => people.get(id), ...over });

describe('planEvents', () => {
  it('writes the log event only while the event log is on', () => {
    expect(plan({ eventLog: false })).toEqual([]);
    expect(plan({ eventLog: false, people: [{ person: { id: 'off-sam', name: 'Sam', role: 'officer' }, reason: 'assignee' }] }).map((e) => e.channel)).toEqual(['teams']);
  });

  it('by default writes one log event with a stable idempotency key', () => {
    const [log] = plan({});
    expect(log).toMatchObject({ channel: 'log', recipient: 'log', eventType: 'task.completed', task: 'task-1', idempotencyKey: 'task.completed:task-1:4:log:log' });
    expect(JSON.parse(log.payload)).toMatchObject({ taskId: 'task-1', reference: 'WL-25-000001', rowVersion: 4, audience: 'supervisor' });
  });

  it('tells the people involved in Teams with their audience', () => {
    const events = plan({ eventType: 'task.assigned', people: [{ person: { id: 'off-sam', name: 'Sam Patel', role: 'officer' }, reason: 'assignee' }] });
    expect(events.map((e) => `${e.channel}:${e.recipient}`)).toEqual(['teams:off-sam', 'log:log']);
    expect(JSON.parse(events[0].payload)).toMatchObject({ audience: 'officer', reason: 'assignee' });
    expect(events[0].name).toBe('task.assigned WL-25-000001 to Sam Patel');
  });

  it('tells subscribers who asked for the event, and residents by Notify', () => {
    const subscriptions = [
      sub({ person: 'cllr', ward: 'w1', events: 'raised, completed' }),
      sub({ id: 's2', person: 'cllr', ward: 'w1', events: 'completed', taskType: 'tt-other' }),
      sub({ id: 's3', channel: 'email', contact: 'resident@example.com', task: 'task-1', events: 'raised,completed,could_not_complete' }),
      sub({ id: 's4', channel: 'sms', contact: '07700900123', task: 'task-1', events: 'raised', active: true }),
      sub({ id: 's5', channel: 'email', contact: 'gone@example.com', task: 'task-1', events: 'completed', active: false }),
    ];
    const events = plan({ subscriptions, detail: { publicNote: 'Cleared' } });
    expect(events.map((e) => `${e.channel}:${e.recipient}`)).toEqual(['teams:cllr', 'notify:resident@example.com', 'log:log']);
    expect(JSON.parse(events[1].payload)).toMatchObject({ audience: 'public', contactKind: 'email', template: 'completed', publicNote: 'Cleared' });
    expect(JSON.parse(events[0].payload).audience).toBe('councillor');
  });

  it('never sends a resident a Notify message about internal events', () => {
    const subscriptions = [sub({ channel: 'email', contact: 'r@example.com', events: 'raised,accepted,completed' })];
    expect(plan({ eventType: 'task.accepted', subscriptions }).map((e) => e.channel)).toEqual(['log']);
  });

  it('acknowledges a duplicate report to its own reporter only', () => {
    const subscriptions = [sub({ channel: 'email', contact: 'first@example.com', events: 'raised' }), sub({ person: 'cllr', events: 'raised' })];
    const events = plan({ eventType: 'task.duplicate_report', subscriptions, onlyResident: { channel: 'email', contact: 'second@example.com' } });
    expect(events.map((e) => `${e.channel}:${e.recipient}`)).toEqual(['notify:second@example.com', 'log:log']);
  });

  it('keeps keys within the column by hashing a long recipient', () => {
    const long = `${'x'.repeat(300)}@example.com`;
    const key = idempotencyKey('task.completed', 'task-1', 2, 'notify', long);
    expect(key.length).toBeLessThanOrEqual(200);
    expect(key).toBe(idempotencyKey('task.completed', 'task-1', 2, 'notify', long));
    expect(key).toMatch(/^task\.completed:task-1:2:notify:sha256-[0-9a-f]{32}$/);
  });
});
