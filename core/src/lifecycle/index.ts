/** core/lifecycle: the job state machine, who may act, and what each action writes. */
export { openStatuses, onHoldStatuses, activeStatuses, withOfficerStatuses, closedStatuses, isOpenStatus, isClosedStatus } from './statuses';
export type { Actor } from './actor';
export { actorFromOfficer, systemActor } from './actor';
export type { TaskAction, TaskActionKind, Photo } from './actions';
export { actionVerb } from './actions';
export type { LifecycleContext, PersonSummary } from './lifecycle-context';
export { allowedFrom, checkTransition, statusLabel } from './transitions';
export { authorise } from './permissions';
export { applyAction } from './apply-action';
export type { LifecycleOutcome } from './apply-action';
