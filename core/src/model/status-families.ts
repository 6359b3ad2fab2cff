import type { TaskStatus } from './choices';

/**
 * Status families, as FixMyStreet groups its states: use these rather than listing statuses.
 * Every status of the model's wl_taskstatus choice is in exactly one of open or closed.
 */
export const openStatuses: readonly TaskStatus[] = ['new', 'assigned', 'accepted', 'in_progress', 'on_hold'];
/** Open but paused: the clock is still running, nobody is working on it. */
export const onHoldStatuses: readonly TaskStatus[] = ['on_hold'];
/** Open and not paused. */
export const activeStatuses: readonly TaskStatus[] = ['new', 'assigned', 'accepted', 'in_progress'];
/** Someone has the job (assigned or further). */
export const withOfficerStatuses: readonly TaskStatus[] = ['assigned', 'accepted', 'in_progress', 'on_hold'];
export const closedStatuses: readonly TaskStatus[] = ['completed', 'could_not_complete', 'cancelled', 'merged'];

export const isOpenStatus = (status: TaskStatus): boolean => openStatuses.includes(status);
export const isClosedStatus = (status: TaskStatus): boolean => closedStatuses.includes(status);
