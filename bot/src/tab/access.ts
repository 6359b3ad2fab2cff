import type { Audience, Task } from '@wardline/core';
import type { Viewer } from '../identity';
import { TabError, TabErrors } from './tab-errors';
import { IdentityError, IdentityErrors } from '../identity';

/** Which redaction audience a person reads jobs as. */
export const audienceOf = (viewer: Viewer): Audience => viewer.role;

/**
 * May this person open this job? Councillors: jobs in their wards. Supervisors: jobs of their
 * teams, or in no team yet. Officers: jobs they hold or of their teams. Volunteers: jobs they hold.
 */
export function maySee(viewer: Viewer, task: Pick<Task, 'ward' | 'assignedOfficer' | 'assignedTeam'>): boolean {
  const team = task.assignedTeam?.trim().toLowerCase();
  switch (viewer.role) {
    case 'councillor':
      return !!task.ward && viewer.wardIds.includes(task.ward);
    case 'supervisor':
      return !team || viewer.teams.includes(team);
    case 'officer':
      return task.assignedOfficer === viewer.person.id || (!!team && viewer.teams.includes(team));
    default:
      return task.assignedOfficer === viewer.person.id;
  }
}

export function checkMaySee(viewer: Viewer, task: Pick<Task, 'reference' | 'ward' | 'assignedOfficer' | 'assignedTeam'>): void {
  if (!maySee(viewer, task)) throw new TabError(TabErrors.NotYourJob, { ref: task.reference });
}

/** Only the given roles may use a route; anyone else gets a 403 naming what they tried. */
export function requireRole(viewer: Viewer, roles: readonly Viewer['role'][], what: string): void {
  if (!roles.includes(viewer.role)) throw new IdentityError(IdentityErrors.NotAllowed, { name: viewer.person.name, role: viewer.role, what });
}
