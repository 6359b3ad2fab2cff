import { actionVerb, actorFromOfficer, isWardlineError, mergeJobs, StaleTaskError, type TaskAction } from '@wardline/core';
import type { Viewer } from '../identity';
import { maySee } from './access';
import { jobSummary, type JobSummary } from './job-json';
import type { TabContext } from './tab-context';
import { statusOfError } from './tab-errors';

/** One change from the tab: an action on a job, with the device's id for it and when it happened. */
export interface Change {
  reference: string;
  action: TaskAction;
  clientId?: string;
  occurredOn?: string;
  /** The version the person saw; with `strict` a different one is a conflict. */
  expectedRowVersion?: number;
  strict?: boolean;
}

export type ChangeOutcome = 'applied' | 'already-applied' | 'conflict' | 'refused';

export interface ChangeResult {
  clientId: string | null;
  reference: string;
  outcome: ChangeOutcome;
  message?: string;
  code?: string;
  job?: JobSummary;
}

const ASSIGNEE_WORK = new Set(['accept', 'decline', 'start', 'hold', 'resume', 'complete', 'couldNotComplete']);

/**
 * Applies one change through core's task service and says plainly what happened. A change whose
 * clientId is already on the job's timeline is reported as already applied (a retried sync); a job
 * reassigned, closed or changed meanwhile is a conflict with a message the officer can act on.
 */
export async function applyChange(context: TabContext, viewer: Viewer, change: Change): Promise<ChangeResult> {
  const base = { clientId: change.clientId ?? null, reference: change.reference };
  const service = await context.tasks();
  const directory = await context.directory();
  const now = context.clock();
  let task;
  try {
    task = await service.getTask(change.reference);
  } catch (error) {
    if (isWardlineError(error)) return { ...base, outcome: 'refused', code: error.code, message: error.message };
    throw error;
  }
  if (change.clientId) {
    const entry = await context.store.getTimelineEntryByClientId(change.clientId);
    if (entry && entry.task === task.id) return { ...base, outcome: 'already-applied', job: jobSummary(task, viewer, directory, now) };
  }
  const verb = actionVerb[change.action.kind];
  const holder = task.assignedOfficer ? directory.people.get(task.assignedOfficer)?.name ?? 'another officer' : 'nobody';
  const reassigned = viewer.role !== 'supervisor' && ASSIGNEE_WORK.has(change.action.kind) && task.assignedOfficer !== viewer.person.id && change.action.kind !== 'accept';
  if (!maySee(viewer, task) || reassigned) {
    return { ...base, outcome: 'conflict', code: 'WL-TAB-010', message: `Job ${task.reference} was reassigned to ${holder} meanwhile, so your ${verb} was not applied. It has gone from your list.` };
  }
  if (change.strict && change.expectedRowVersion !== undefined && change.expectedRowVersion !== task.rowVersion) {
    const stale = new StaleTaskError(task.reference, change.expectedRowVersion, task.rowVersion);
    return { ...base, outcome: 'conflict', code: stale.code, message: stale.message, job: jobSummary(task, viewer, directory, now) };
  }
  const action: TaskAction = { ...change.action, clientId: change.clientId, occurredOn: change.occurredOn };
  for (let attempt = 1; ; attempt += 1) {
    try {
      // A merge also hands the target job the source's report count and subscribers (core's mergeJobs).
      const after = action.kind === 'merge'
        ? (await mergeJobs(service, task.reference, action.into.reference, actorFromOfficer(viewer.person), action.reason)).source
        : (await service.act(task.reference, action, actorFromOfficer(viewer.person))).task;
      return { ...base, outcome: 'applied', job: jobSummary(after, viewer, directory, context.clock()) };
    } catch (error) {
      if (error instanceof StaleTaskError && attempt < 3) continue;
      if (!isWardlineError(error) || statusOfError(error) === 500) throw error;
      const current = await service.getTask(task.reference);
      const outcome: ChangeOutcome = error instanceof StaleTaskError || error.code === 'WL-LIFE-001' || error.code === 'WL-LIFE-007' || error.code === 'WL-LIFE-002' ? 'conflict' : 'refused';
      return { ...base, outcome, code: error.code, message: error.message, job: maySee(viewer, current) ? jobSummary(current, viewer, directory, context.clock()) : undefined };
    }
  }
}
