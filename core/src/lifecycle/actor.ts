import type { Officer, PersonRole } from '../model';

/** Who is acting on a job: a person from wl_officer, or Wardline itself (triage, timers, imports). */
export interface Actor {
  /** wl_officer id; null for the system. */
  id: string | null;
  name: string;
  role: PersonRole | 'system';
  /** Teams the person works in, lower case. */
  teams: ReadonlySet<string>;
}

const teamsOf = (text: string | null): ReadonlySet<string> => new Set((text ?? '').split(',').map((t) => t.trim().toLowerCase()).filter(Boolean));

export const actorFromOfficer = (officer: Pick<Officer, 'id' | 'name' | 'role' | 'teams'>): Actor => ({ id: officer.id, name: officer.name, role: officer.role, teams: teamsOf(officer.teams) });

export const systemActor = (name = 'Wardline'): Actor => ({ id: null, name, role: 'system', teams: new Set() });
