/** core/jobs: the task service, the one intake and action path every edge calls. */
export { TaskService, openTaskService } from './task-service';
export type { TaskServiceOptions, ReportResult, ActResult } from './task-service';
export { normaliseNewTask } from './new-task';
export type { NewTask, IntakeNote } from './new-task';
export { buildCreation, buildDuplicateChange, defaultTitle } from './creation';
export type { CreationIds } from './creation';
export { currentOffers } from './offers';
export { formatReference } from './reference';
export { mergeJobs } from './merge-jobs';
