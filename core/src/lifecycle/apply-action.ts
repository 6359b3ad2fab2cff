import { planEvents } from '../events';
import type { TaskEventType } from '../events';
import type { Task } from '../model';
import type { NewOutboxEvent, NewTimelineEntry, TaskChange } from '../store/store';
import type { TaskAction } from './actions';
import type { Actor } from './actor';
import { effectOf } from './effects';
import type { LifecycleContext } from './lifecycle-context';
import { authorise } from './permissions';
import { checkTransition } from './transitions';

export interface LifecycleOutcome {
  /** Hand this to Store.updateTask: optimistic concurrency on the row version the job was read at. */
  change: TaskChange;
  /** The job as it will be once the change is stored. */
  task: Task;
  events: TaskEventType[];
}

/**
 * Applies an action to a job, or refuses it with a typed error and changes nothing: the status
 * must allow the action (TransitionNotAllowedError), the actor must be allowed it
 * (ActorNotAllowedError), and its inputs must be complete (ReasonRequiredError,
 * PhotoRequiredError, DescriptionRequiredError, InvalidInputError).
 */
export function applyAction(task: Task, action: TaskAction, actor: Actor, context: LifecycleContext): LifecycleOutcome {
  checkTransition(action.kind, task.status);
  authorise(task, action, actor, context.offeredTo);
  const effect = effectOf(task, action, actor, context);
  const rowVersion = task.rowVersion + 1;
  const after: Task = { ...task, ...effect.set, rowVersion, modifiedOn: context.now };
  const timeline: NewTimelineEntry[] = effect.timeline.map((entry, index) => ({
    ...entry, task: task.id, occurredOn: action.occurredOn ?? context.now, author: actor.id, authorName: actor.name,
    clientId: index === 0 ? action.clientId ?? null : null,
  }));
  const outbox: NewOutboxEvent[] = effect.events.flatMap((event) => planEvents({
    eventType: event.type, task: after, rowVersion, occurredOn: context.now, people: event.people,
    subscriptions: context.subscriptions, personOf: context.personOf, detail: event.detail, eventLog: context.eventLog,
  }));
  return { change: { id: task.id, expectedRowVersion: task.rowVersion, set: effect.set, timeline, outbox }, task: after, events: effect.events.map((e) => e.type) };
}
