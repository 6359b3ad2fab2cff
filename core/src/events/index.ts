/** core/events: which outbox events a change to a job raises, and for whom. */
export { taskEventTypes, subscriptionEventName, residentEvents, residentSubscriptionEvents, open311UpdateEvents } from './event-types';
export type { TaskEventType } from './event-types';
export { planEvents, idempotencyKey } from './plan-events';
export type { EventPlanInput, PersonRecipient, RecipientReason } from './plan-events';
