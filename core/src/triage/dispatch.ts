import type { LatLon } from '../geo';
import type { DispatchMode, Officer, TaskStatus } from '../model';
import type { OfficerDirectory } from './officer-directory';

export interface DispatchDecision {
  mode: DispatchMode;
  /** The officer who gets the job (assign mode), if one was found. */
  officer?: Officer;
  /** Who is offered the job (pool and volunteer modes): first to accept takes it. */
  offerTo: Officer[];
  /** The status the new job starts in. */
  status: Extract<TaskStatus, 'new' | 'assigned'>;
  /** One line saying what dispatch did and why. */
  note: string;
}

export interface DispatchRequest {
  mode: DispatchMode;
  team: string;
  wardCode: string;
  wardName: string;
  point: LatLon;
  /** An officer named by the routing rule. */
  ruleOfficerId?: string;
  volunteerRadius: number;
}

/**
 * Finds who gets a job: assign (the rule's officer, else the least-loaded on-duty officer of the
 * team covering the ward), pool (every on-duty officer of the team is offered it) or volunteers
 * (trusted, on-duty volunteers within their radius). When nobody fits, the job waits, unassigned,
 * in the team's queue for a supervisor.
 */
export function dispatch(request: DispatchRequest, people: OfficerDirectory): DispatchDecision {
  const { mode, team } = request;
  if (mode === 'assign') {
    const named = request.ruleOfficerId ? people.get(request.ruleOfficerId) : undefined;
    if (named) return { mode, officer: named, offerTo: [], status: 'assigned', note: `Assigned to ${named.name}, named by the routing rule` };
    const officer = people.leastLoaded(team, request.wardCode);
    if (officer) {
      const jobs = people.openJobsOf(officer.id);
      return { mode, officer, offerTo: [], status: 'assigned', note: `Assigned to ${officer.name}: on duty in ${team}, covers ${request.wardName}, ${jobs} open job${jobs === 1 ? '' : 's'}` };
    }
    return { mode, offerTo: [], status: 'new', note: `Nobody in ${team} on duty covers ${request.wardName}: waiting in the ${team} queue` };
  }
  if (mode === 'pool') {
    const offerTo = people.pool(team);
    return { mode, offerTo, status: 'new', note: offerTo.length ? `Offered to ${offerTo.length} on-duty officer${offerTo.length === 1 ? '' : 's'} in ${team}; first to accept takes it` : `Nobody in ${team} is on duty: waiting in the ${team} queue` };
  }
  const volunteers = people.volunteersNear(request.point, request.volunteerRadius);
  const offerTo = volunteers.map((v) => v.officer);
  return { mode, offerTo, status: 'new', note: offerTo.length ? `Offered to ${offerTo.length} trusted volunteer${offerTo.length === 1 ? '' : 's'} within reach; first to accept takes it` : `No trusted volunteer on duty is within reach: waiting in the ${team} queue` };
}
