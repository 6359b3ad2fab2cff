import type { Officer, Subscription, TaskType } from '../model';

export type PersonSummary = Pick<Officer, 'id' | 'name' | 'role'>;

/** What an action needs besides the job: read by the task service, passed in (no I/O here). */
export interface LifecycleContext {
  taskType: Pick<TaskType, 'name' | 'requirePhoto'>;
  /** ISO 8601 instant of the action. */
  now: string;
  /** People currently offered the job (pool or volunteers) who have not declined. */
  offeredTo: readonly string[];
  /** A photo is already on the job's timeline. */
  hasPhoto: boolean;
  personOf: (id: string) => PersonSummary | undefined;
  /** Supervisors of a team, told when a job comes back to the queue. */
  supervisorsOf?: (team: string) => PersonSummary[];
  /** Active subscriptions of the job's ward and of the job itself. */
  subscriptions: readonly Subscription[];
  /** Write events to the log channel too (see EventPlanInput.eventLog). */
  eventLog?: boolean;
}
