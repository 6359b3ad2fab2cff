/** Every outbox event Wardline raises about a job. */
export const taskEventTypes = [
  'task.raised',
  'task.assigned',
  'task.offered',
  'task.offer_taken',
  'task.accepted',
  'task.declined',
  'task.started',
  'task.on_hold',
  'task.resumed',
  'task.completed',
  'task.could_not_complete',
  'task.cancelled',
  'task.reassigned',
  'task.reprioritised',
  'task.overdue',
  'task.duplicate_report',
  'task.merged',
  'task.note_added',
  'task.photo_added',
] as const;

export type TaskEventType = (typeof taskEventTypes)[number];

/**
 * The name a subscription lists an event by (wl_subscription.events): `task.completed` ->
 * `completed`. A duplicate report is acknowledged to its reporter as `raised`.
 */
export const subscriptionEventName = (eventType: TaskEventType): string =>
  eventType === 'task.duplicate_report' ? 'raised' : eventType.slice('task.'.length);

/** Events a resident may hear about by email or text message. */
export const residentEvents: readonly TaskEventType[] = ['task.raised', 'task.duplicate_report', 'task.completed', 'task.could_not_complete'];

/** What a resident is subscribed to when they give contact details. */
export const residentSubscriptionEvents = 'raised,completed,could_not_complete';

/**
 * Events an Open311 client that sent the job is told about (mySociety's servicerequestupdates
 * POST): the public status changes, the same ones its GET servicerequestupdates shows.
 */
export const open311UpdateEvents: readonly TaskEventType[] = ['task.started', 'task.resumed', 'task.completed', 'task.could_not_complete', 'task.merged'];
