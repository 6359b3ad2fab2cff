import { allowedFrom, authorise, type Actor, type TaskAction } from '@wardline/core';
import type { Task, TaskStatus } from '@wardline/core';
import type { JobVerb } from './card-actions';

/** What a card offers in each status, in button order (the lifecycle may allow more; a phone card stays short). */
const offeredInStatus: Partial<Record<TaskStatus, readonly JobVerb[]>> = {
  new: ['accept', 'decline'],
  assigned: ['accept', 'decline'],
  accepted: ['start', 'hold', 'complete', 'couldNotComplete'],
  in_progress: ['hold', 'complete', 'couldNotComplete'],
  on_hold: ['resume', 'couldNotComplete'],
};

/** A representative action for the permission check (reasons and notes do not affect who may act). */
const probe = (verb: JobVerb): TaskAction => {
  switch (verb) {
    case 'decline':
    case 'hold':
    case 'couldNotComplete':
      return { kind: verb, reason: 'check' };
    case 'complete':
      return { kind: 'complete', publicNote: 'check' };
    default:
      return { kind: verb };
  }
};

/**
 * The lifecycle actions this person may take on the job now: the status allows them
 * (core/lifecycle allowedFrom) and so does core/lifecycle's authorise for this actor.
 */
export function allowedJobVerbs(task: Pick<Task, 'status' | 'reference' | 'assignedOfficer' | 'assignedTeam'>, actor: Actor, offeredTo: readonly string[]): JobVerb[] {
  return (offeredInStatus[task.status] ?? []).filter((verb) => {
    if (!allowedFrom[verb].includes(task.status)) return false;
    try {
      authorise(task, probe(verb), actor, offeredTo);
      return true;
    } catch {
      return false;
    }
  });
}
