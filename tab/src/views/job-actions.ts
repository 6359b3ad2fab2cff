import type { ClientAction, Job } from '../app/types';

/** Labels of the lifecycle actions, as the job card words them. */
export const ACTION_LABELS: Record<string, string> = {
  accept: 'Accept', decline: 'Decline', start: 'Start', hold: 'Put on hold', resume: 'Resume', complete: 'Complete',
  couldNotComplete: 'Could not complete', note: 'Add a note', photo: 'Add a photo', reassign: 'Reassign', reprioritise: 'Change priority', merge: 'Merge as duplicate', cancel: 'Cancel job',
};

/** What each action needs the person to type first. */
export const ACTION_INPUTS: Record<string, { field: keyof ClientAction; label: string; second?: { field: keyof ClientAction; label: string } } | undefined> = {
  decline: { field: 'reason', label: 'Why are you declining it?' },
  hold: { field: 'reason', label: 'Why is it on hold?' },
  cancel: { field: 'reason', label: 'Why is it cancelled?' },
  couldNotComplete: { field: 'reason', label: 'Why could it not be done? (the reporter sees this)', second: { field: 'internalNote', label: 'Note for staff (optional)' } },
  complete: { field: 'publicNote', label: 'What was done? (the reporter sees this)', second: { field: 'internalNote', label: 'Note for staff (optional)' } },
  note: { field: 'text', label: 'Note' },
  merge: { field: 'intoReference', label: 'Reference of the job this one duplicates (for example WL-26-000123)', second: { field: 'reason', label: 'Why they are the same (optional)' } },
};

/** Statuses each action may start from (core/lifecycle allowedFrom), so a change made offline shows at once. */
const ALLOWED_FROM: Record<string, string[]> = {
  accept: ['new', 'assigned'], decline: ['new', 'assigned'], start: ['assigned', 'accepted'], hold: ['accepted', 'in_progress'], resume: ['on_hold'],
  complete: ['assigned', 'accepted', 'in_progress'], couldNotComplete: ['assigned', 'accepted', 'in_progress', 'on_hold'],
};
const RESULT: Record<string, [string, string]> = {
  accept: ['accepted', 'Accepted'], start: ['in_progress', 'In progress'], hold: ['on_hold', 'On hold'], resume: ['in_progress', 'In progress'],
  complete: ['completed', 'Completed'], couldNotComplete: ['could_not_complete', 'Could not complete'], decline: ['new', 'New'],
};

/** The job as it will be once a queued action reaches the service, and the actions then open to its holder. */
export function applyLocally(job: Job, actions: string[], kind: string): { job: Job; actions: string[] } {
  const result = RESULT[kind];
  if (!result) return { job, actions };
  const [status, statusLabel] = result;
  const open = !['completed', 'could_not_complete'].includes(status);
  const next = { ...job, status, statusLabel, open, overdue: open && job.overdue };
  const officerKinds = Object.keys(ALLOWED_FROM).filter((k) => ALLOWED_FROM[k].includes(status) && (k !== 'accept' && k !== 'decline'));
  return { job: next, actions: kind === 'decline' ? [] : [...officerKinds, 'note', 'photo'] };
}
