import { createHash } from 'node:crypto';
import type { NewOutboxEvent } from '../store/store';
import type { Officer, OutboxChannel, Subscription, Task } from '../model';
import type { Audience } from '../redaction/audience';
import { open311UpdateEvents, residentEvents, subscriptionEventName } from './event-types';
import type { TaskEventType } from './event-types';

/** Why a person is told about an event. */
export type RecipientReason = 'assignee' | 'previous_assignee' | 'offer' | 'offer_taken' | 'subscriber' | 'supervisor';

export interface PersonRecipient {
  person: Pick<Officer, 'id' | 'name' | 'role'>;
  reason: RecipientReason;
}

/** Everything needed to plan the outbox rows for one event. */
export interface EventPlanInput {
  eventType: TaskEventType;
  /** The job after the change. */
  task: Pick<Task, 'id' | 'reference' | 'title' | 'status' | 'ward' | 'taskType'> & Partial<Pick<Task, 'sourceChannel' | 'externalReference'>>;
  /** The job's row version after the change. */
  rowVersion: number;
  occurredOn: string;
  /** People to reach in Teams, other than subscribers. */
  people?: PersonRecipient[];
  /** Active subscriptions of the job's ward and of the job itself. */
  subscriptions?: readonly Subscription[];
  /** Looks up subscribers (councillors, staff following a ward or a job). */
  personOf?: (id: string) => Pick<Officer, 'id' | 'name' | 'role'> | undefined;
  /** Only this resident contact is told (a duplicate report's own reporter). */
  onlyResident?: { channel: 'email' | 'sms'; contact: string };
  /** Event details safe for every recipient of it (e.g. the public note on completion). */
  detail?: Record<string, string | number | boolean | null>;
  /**
   * Also write the event to the `log` channel. Where Teams is not set up (a development machine,
   * the demo) the log is how anyone sees events; with Teams the service leaves it out, since
   * every job's cards and notices already say what happened. Default true.
   */
  eventLog?: boolean;
}

const KEY_LIMIT = 200;

/** `${eventType}:${taskId}:${rowVersion}:${channel}:${recipient}`; a long recipient is hashed to fit the column. */
export function idempotencyKey(eventType: TaskEventType, taskId: string, rowVersion: number, channel: OutboxChannel, recipient: string): string {
  const key = `${eventType}:${taskId}:${rowVersion}:${channel}:${recipient}`;
  if (key.length <= KEY_LIMIT) return key;
  return `${eventType}:${taskId}:${rowVersion}:${channel}:sha256-${createHash('sha256').update(recipient).digest('hex').slice(0, 32)}`;
}

const audienceOf = (role: Officer['role']): Audience => role;

/**
 * The outbox rows for one event: Teams cards to the people involved and to subscribers who
 * asked for this event, GOV.UK Notify messages to residents who gave contact details (received,
 * completed, could not complete), and one log row unless `eventLog` is false. Each row's idempotency key makes a
 * retried write or a restarted dispatcher deliver it once.
 */
export function planEvents(input: EventPlanInput): NewOutboxEvent[] {
  const { eventType, task, rowVersion } = input;
  const shortName = subscriptionEventName(eventType);
  const events: NewOutboxEvent[] = [];
  const seen = new Set<string>();
  const add = (channel: OutboxChannel, recipient: string, label: string, audience: Audience, extra: Record<string, unknown> = {}): void => {
    const key = idempotencyKey(eventType, task.id, rowVersion, channel, recipient);
    if (seen.has(key)) return;
    seen.add(key);
    events.push({
      name: `${eventType} ${task.reference} to ${label}`.slice(0, 200),
      eventType,
      channel,
      recipient,
      task: task.id,
      idempotencyKey: key,
      payload: JSON.stringify({ eventType, taskId: task.id, reference: task.reference, rowVersion, audience, occurredOn: input.occurredOn, status: task.status, ...extra, ...(input.detail ?? {}) }),
    });
  };

  for (const { person, reason } of input.people ?? []) add('teams', person.id, person.name, audienceOf(person.role), { reason });

  for (const subscription of input.subscriptions ?? []) {
    if (!subscription.active || !listsEvent(subscription.events, shortName)) continue;
    if (subscription.taskType && subscription.taskType !== task.taskType) continue;
    if (subscription.person && subscription.channel === 'teams') {
      if (eventType === 'task.duplicate_report') continue;
      const person = input.personOf?.(subscription.person);
      if (person) add('teams', person.id, person.name, audienceOf(person.role), { reason: 'subscriber' });
    } else if (subscription.contact && subscription.channel !== 'teams' && residentEvents.includes(eventType) && !input.onlyResident) {
      add('notify', subscription.contact, 'the resident', 'public', { contactKind: subscription.channel, template: shortName });
    }
  }
  if (input.onlyResident) add('notify', input.onlyResident.contact, 'the resident', 'public', { contactKind: input.onlyResident.channel, template: shortName });

  // A job an Open311 client sent (externalReference `client:id`) is pushed back to that client.
  const client = task.sourceChannel === 'open311' && task.externalReference?.includes(':') ? task.externalReference.split(':')[0] : undefined;
  if (client && open311UpdateEvents.includes(eventType)) add('open311', client, `${client} (Open311)`, 'public');

  if (input.eventLog !== false) add('log', 'log', 'the log', 'supervisor');
  return events;
}

function listsEvent(events: string, name: string): boolean {
  return events.split(',').some((event) => event.trim().toLowerCase() === name);
}
