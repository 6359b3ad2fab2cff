import { ActorNotAllowedError } from '../errors';
import type { Task } from '../model';
import { actionVerb } from './actions';
import type { TaskAction } from './actions';
import type { Actor } from './actor';

const SUPERVISOR_ONLY = new Set<TaskAction['kind']>(['assign', 'offer', 'reassign', 'reprioritise', 'cancel']);
const ASSIGNEE_WORK = new Set<TaskAction['kind']>(['start', 'hold', 'resume', 'complete', 'couldNotComplete']);

/**
 * Who may do what:
 * - the system (triage, timers): anything;
 * - supervisors: anything on jobs in their teams (or in no team yet);
 * - field officers: work the jobs they hold, accept or decline jobs given or offered to them,
 *   merge a job they hold into another open job about the same thing (they are the ones who see
 *   it is the same fly-tip), and add notes and photos to jobs of their teams;
 * - volunteers: only the referrals offered to or taken by them;
 * - councillors: only notes for councillors (raising and following jobs happen outside the lifecycle).
 * @throws ActorNotAllowedError with a reason a person can act on.
 */
export function authorise(task: Pick<Task, 'reference' | 'assignedOfficer' | 'assignedTeam'>, action: TaskAction, actor: Actor, offeredTo: readonly string[]): void {
  const refuse = (reason: string): never => {
    throw new ActorNotAllowedError(actor.name, actionVerb[action.kind], task.reference, reason);
  };
  if (actor.role === 'system') return;
  const team = task.assignedTeam?.trim().toLowerCase();
  if (actor.role === 'supervisor') {
    if (!team || actor.teams.has(team)) return;
    return refuse(`the job is in the ${task.assignedTeam} team, which they do not supervise`);
  }
  if (actor.role === 'councillor') {
    if (action.kind === 'note' && (action.visibility ?? 'councillor') === 'councillor') return;
    return refuse(action.kind === 'note' ? 'councillors add notes for councillors and staff, not public or internal notes' : 'councillors may raise, follow and add notes to jobs; council staff work them');
  }
  const holds = actor.id !== null && task.assignedOfficer === actor.id;
  const offered = actor.id !== null && offeredTo.includes(actor.id);
  if (SUPERVISOR_ONLY.has(action.kind)) return refuse('only a supervisor of the team may do this');
  if (action.kind === 'merge') {
    if (holds && actor.role === 'officer') return;
    return refuse('only the officer holding the job or a supervisor of its team may merge it');
  }
  if (action.kind === 'accept' || action.kind === 'decline') {
    if (holds || offered) return;
    return refuse('the job was not given or offered to them');
  }
  if (ASSIGNEE_WORK.has(action.kind)) {
    if (holds) return;
    return refuse('the job is not theirs');
  }
  if (holds || offered) return;
  if (actor.role === 'officer' && team && actor.teams.has(team)) return;
  return refuse(actor.role === 'volunteer' ? 'volunteers see only the jobs offered to or taken by them' : 'the job is not in one of their teams');
}
