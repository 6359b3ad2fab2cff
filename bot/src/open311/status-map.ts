import type { TaskStatus } from '@wardline/core';

/**
 * The one translation table between Wardline's job statuses and Open311's words. `status` is the
 * GeoReport v2 value (open or closed); `extended` is mySociety's extended status for
 * servicerequestupdates (FixMyStreet maps it: fixed -> "fixed - council", no_further_action ->
 * "unable to fix", duplicate, action_scheduled, in_progress, closed); `external` is the
 * council-side code FixMyStreet may show or map (external_status_code).
 */
export const statusMap: Record<TaskStatus, { status: 'open' | 'closed'; extended: string; external: string }> = {
  new: { status: 'open', extended: 'open', external: 'NEW' },
  assigned: { status: 'open', extended: 'action_scheduled', external: 'ASSIGNED' },
  accepted: { status: 'open', extended: 'action_scheduled', external: 'ACCEPTED' },
  in_progress: { status: 'open', extended: 'in_progress', external: 'IN_PROGRESS' },
  on_hold: { status: 'open', extended: 'investigating', external: 'ON_HOLD' },
  completed: { status: 'closed', extended: 'fixed', external: 'COMPLETED' },
  could_not_complete: { status: 'closed', extended: 'no_further_action', external: 'COULD_NOT_COMPLETE' },
  cancelled: { status: 'closed', extended: 'closed', external: 'CANCELLED' },
  merged: { status: 'closed', extended: 'duplicate', external: 'MERGED' },
};

/** Wardline statuses that count as open or closed to an Open311 `status=` filter. */
export const statusesFor = (open311Status: 'open' | 'closed'): TaskStatus[] =>
  (Object.keys(statusMap) as TaskStatus[]).filter((s) => statusMap[s].status === open311Status);

/**
 * Statuses a client may send with an update (FixMyStreet sends them upper-case). A resident's
 * update never changes the job's status on its own: it joins the timeline and an officer acts.
 */
export const incomingStatuses = [
  'open', 'closed', 'fixed', 'in_progress', 'action_scheduled', 'investigating', 'duplicate', 'not_councils_responsibility',
  'no_further_action', 'internal_referral', 'cancelled', 'reopen', 'for_triage', 'planned', 'unchanged',
] as const;
