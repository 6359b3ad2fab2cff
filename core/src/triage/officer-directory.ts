import { distanceMetres } from '../geo';
import type { LatLon } from '../geo';
import type { Officer } from '../model';

/** Splits a comma-separated column (teams, patch) into trimmed, lower-case names. */
const list = (text: string | null | undefined): string[] => (text ?? '').split(',').map((item) => item.trim().toLowerCase()).filter(Boolean);

interface Person {
  officer: Officer;
  teams: ReadonlySet<string>;
  patch: ReadonlySet<string>;
}

export interface VolunteerMatch {
  officer: Officer;
  distanceMetres: number;
}

/**
 * The people who take jobs, with how many open jobs each holds, so dispatch can pick the least
 * loaded. Teams and patches are compared case-insensitively.
 */
export class OfficerDirectory {
  private readonly byId = new Map<string, Person>();
  private readonly byTeam = new Map<string, Person[]>();
  private readonly volunteers: Person[] = [];
  private readonly load = new Map<string, number>();
  /** On-duty field officers by team and ward, worked out on first use (duty changes come with a reload). */
  private readonly coverage = new Map<string, Person[]>();

  constructor(officers: readonly Officer[], openJobs: ReadonlyMap<string, number> = new Map()) {
    for (const officer of [...officers].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))) {
      const person: Person = { officer, teams: new Set(list(officer.teams)), patch: new Set(list(officer.patch)) };
      this.byId.set(officer.id, person);
      if (officer.role === 'volunteer') this.volunteers.push(person);
      for (const team of person.teams) {
        const members = this.byTeam.get(team) ?? [];
        members.push(person);
        this.byTeam.set(team, members);
      }
    }
    for (const [id, count] of openJobs) this.load.set(id, count);
  }

  /** The same open-job counts over a fresh list of people (after duty, team or patch changes). */
  withOfficers(officers: readonly Officer[]): OfficerDirectory {
    return new OfficerDirectory(officers, this.load);
  }

  get(id: string): Officer | undefined {
    return this.byId.get(id)?.officer;
  }

  openJobsOf(id: string): number {
    return this.load.get(id) ?? 0;
  }

  /** Keeps the open-job counts current as jobs are assigned and closed. */
  adjustLoad(id: string, delta: number): void {
    this.load.set(id, Math.max(0, this.openJobsOf(id) + delta));
  }

  /** Teams a person works in (lower case). */
  teamsOf(id: string): ReadonlySet<string> {
    return this.byId.get(id)?.teams ?? new Set();
  }

  /** Supervisors of a team. */
  supervisorsOf(team: string): Officer[] {
    return (this.byTeam.get(team.trim().toLowerCase()) ?? []).filter((p) => p.officer.role === 'supervisor').map((p) => p.officer);
  }

  /**
   * The on-duty field officer of the team whose patch covers the ward (an empty patch covers
   * every ward) with the fewest open jobs; ties go by name.
   */
  leastLoaded(team: string, wardCode: string): Officer | undefined {
    let best: Officer | undefined;
    let bestLoad = Infinity;
    for (const { officer } of this.covering(team, wardCode)) {
      const load = this.load.get(officer.id) ?? 0;
      if (load < bestLoad) {
        best = officer;
        bestLoad = load;
      }
    }
    return best;
  }

  private covering(team: string, wardCode: string): Person[] {
    const key = `${team}\u0000${wardCode}`;
    let people = this.coverage.get(key);
    if (!people) {
      const ward = wardCode.toLowerCase();
      people = (this.byTeam.get(team.trim().toLowerCase()) ?? []).filter((p) => p.officer.role === 'officer' && p.officer.onDuty && (p.patch.size === 0 || p.patch.has(ward)));
      this.coverage.set(key, people);
    }
    return people;
  }

  /** Every on-duty field officer of the team, for a pool offer. */
  pool(team: string): Officer[] {
    return (this.byTeam.get(team.trim().toLowerCase()) ?? []).filter((p) => p.officer.role === 'officer' && p.officer.onDuty).map((p) => p.officer);
  }

  /** Trusted, on-duty volunteers whose travel radius from their base covers the point, nearest first. */
  volunteersNear(point: LatLon, defaultRadius: number): VolunteerMatch[] {
    const matches: VolunteerMatch[] = [];
    for (const { officer } of this.volunteers) {
      if (!officer.trusted || !officer.onDuty || officer.homeLatitude === null || officer.homeLongitude === null) continue;
      const radius = officer.radius ?? defaultRadius;
      // A degree of latitude is about 111 km: skip the exact distance for anyone clearly too far.
      if (Math.abs(officer.homeLatitude - point.latitude) * 111_000 > radius) continue;
      // A degree of longitude is at least 40 km anywhere in the UK (up to 61° north).
      if (Math.abs(officer.homeLongitude - point.longitude) * 40_000 > radius) continue;
      const distance = distanceMetres(point, { latitude: officer.homeLatitude, longitude: officer.homeLongitude });
      if (distance <= radius) matches.push({ officer, distanceMetres: distance });
    }
    return matches.sort((a, b) => a.distanceMetres - b.distanceMetres);
  }
}
