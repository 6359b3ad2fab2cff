/** core/redaction: what each audience (officer, supervisor, councillor, volunteer, public) sees of a job. */
export type { Audience } from './audience';
export { audiences } from './audience';
export { viewTask } from './view-task';
export type { TaskView, ViewContext } from './view-task';
export { viewTimeline } from './view-timeline';
export { personalTaskColumns, readsPersonalData } from './personal-columns';
export { approximateLocation, streetOnly } from './approximate';
