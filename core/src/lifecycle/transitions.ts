import { TransitionNotAllowedError } from '../errors';
import { choiceLabel, taskStatus } from '../model';
import type { TaskStatus } from '../model';
import type { TaskActionKind } from './actions';
import { closedStatuses, openStatuses, withOfficerStatuses } from './statuses';

/** Statuses each action may start from; the target status is worked out by the action itself. */
export const allowedFrom: Record<TaskActionKind, readonly TaskStatus[]> = {
  assign: ['new'],
  offer: ['new'],
  accept: ['new', 'assigned'],
  decline: ['new', 'assigned'],
  start: ['assigned', 'accepted'],
  hold: ['accepted', 'in_progress'],
  resume: ['on_hold'],
  complete: ['assigned', 'accepted', 'in_progress'],
  couldNotComplete: withOfficerStatuses,
  cancel: openStatuses,
  reassign: withOfficerStatuses,
  reprioritise: openStatuses,
  merge: openStatuses,
  note: [...openStatuses, ...closedStatuses],
  photo: [...openStatuses, ...closedStatuses],
};

/** What the action does to a job, in words, for the message when it cannot: "reprioritised". */
const pastTense: Partial<Record<TaskActionKind, string>> = {
  offer: 'offered', decline: 'declined', reprioritise: 'reprioritised', note: 'given notes', photo: 'given photos',
};

export const statusLabel = (status: TaskStatus): string => choiceLabel(taskStatus.name, status);

/** Where each action takes a job (null: it stays where it is; reassign may also go back to new). */
const target: Record<TaskActionKind, TaskStatus | null> = {
  assign: 'assigned', offer: null, accept: 'accepted', decline: null, start: 'in_progress', hold: 'on_hold', resume: 'in_progress',
  complete: 'completed', couldNotComplete: 'could_not_complete', cancel: 'cancelled', reassign: 'assigned', reprioritise: null,
  merge: 'merged', note: null, photo: null,
};

/** Throws TransitionNotAllowedError unless the action may start from the job's status. */
export function checkTransition(kind: TaskActionKind, from: TaskStatus): void {
  const to = target[kind] ?? from;
  if (allowedFrom[kind].includes(from)) return;
  throw new TransitionNotAllowedError(statusLabel(from), statusLabel(to), to === from ? pastTense[kind] ?? `given "${kind}"` : undefined);
}
