import type { Task } from '../model';
import type { TaskCreation } from '../store/store';
import type { TriageDecision } from '../triage';
import type { NewTask } from './new-task';

/**
 * The plan of one report in a batch (TaskService.reportMany), decided before anything is written:
 * - `stored`: the same external reference or client id is already stored (nothing to write);
 * - `same`: the same external reference or client id came earlier in the batch (same outcome);
 * - `create`: a new job, with the id it will have;
 * - `attach`: a further report of an open job, stored before or created earlier in the batch.
 */
export type BatchPlan =
  | { kind: 'stored'; task: Task; duplicate: boolean; decision: TriageDecision }
  | { kind: 'same'; as: number; decision: TriageDecision }
  | { kind: 'create'; id: string; report: NewTask; decision: TriageDecision }
  | { kind: 'attach'; target: string; report: NewTask; decision: TriageDecision };

/** The job as createTask will store it (system columns filled, absent columns null), for changes planned in the same batch. */
export function pendingTask(creation: TaskCreation, now: string): Task {
  const { task } = creation;
  return {
    description: null, priorityReason: null, address: null, uprn: null, usrn: null, ward: null, wardCode: null, wardVintage: null, asset: null,
    externalReference: null, reporterName: null, reporterEmail: null, reporterPhone: null, councillorRaised: false, assignedOfficer: null,
    assignedTeam: null, dueBy: null, acceptedOn: null, startedOn: null, completedOn: null, resolution: null, duplicateOf: null,
    ...task, id: task.id as string, createdOn: now, modifiedOn: now, rowVersion: 1,
  } as Task;
}

/** A key for an external reference within a batch. */
export const externalKey = (report: NewTask): string | undefined => (report.externalReference ? `${report.source}\u0000${report.externalReference}` : undefined);
