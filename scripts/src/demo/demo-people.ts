import type { NewRow, officerTable } from '@wardline/core';
import { Random } from './random';

export type NewPerson = NewRow<typeof officerTable>;

const FIRST = ['Aisha', 'Ben', 'Chloe', 'Dev', 'Ellie', 'Femi', 'Grace', 'Harry', 'Imran', 'Jess', 'Kieran', 'Laura', 'Mohammed', 'Niamh', 'Oliver', 'Priya', 'Rhys', 'Sophie', 'Tom', 'Usha', 'Vikram', 'Wendy', 'Yusuf', 'Zara', 'Alfie', 'Bethan', 'Callum', 'Daisy', 'Ethan', 'Freya', 'George', 'Hannah', 'Isaac', 'Jade', 'Kofi', 'Lily', 'Marek', 'Nadia', 'Owen', 'Poppy', 'Sam', 'Tariq', 'Alice', 'Joe', 'Ruby', 'Leo', 'Maya', 'Noah'];
const LAST = ['Ahmed', 'Baker', 'Clarke', 'Davies', 'Evans', 'Fletcher', 'Green', 'Hughes', 'Iqbal', 'Jones', 'Khan', 'Lewis', 'Morgan', 'Nowak', 'Okafor', 'Patel', 'Quinn', 'Roberts', 'Shah', 'Taylor', 'Walker', 'Wright', 'Young', 'Bennett', 'Cooper', 'Foster', 'Hall', 'Kaur', 'Mason', 'Reid', 'Singh', 'Turner', 'Ward', 'Webb', 'Ellis', 'Mensah'];

/** Field teams, the service areas they serve, and how many officers each has. */
export const DEMO_TEAMS = [
  { team: 'Street care', officers: 8 },
  { team: 'Enforcement', officers: 3 },
  { team: 'Grounds maintenance', officers: 4 },
  { team: 'Parks', officers: 3 },
  { team: 'Countryside', officers: 2 },
  { team: 'Trees', officers: 3 },
  { team: 'Community support', officers: 2 },
] as const;

export const DEMO_EMAIL_DOMAIN = 'wardline-borough.example.gov.uk';

/** Officers the demo routing rules (scripts/data/demo-routing-rules.csv) name by email: the first of their team. */
const NAMED_OFFICERS: Readonly<Record<string, string>> = {
  Enforcement: 'Sam Okafor',
  'Street care': 'Priya Shah',
  'Community support': 'Grace Mensah',
};

export interface DemoPeople {
  supervisors: NewPerson[];
  officers: NewPerson[];
  volunteers: NewPerson[];
  councillors: (NewPerson & { wardCode: string })[];
}

/**
 * The people of the demo council: a supervisor and field officers per team (25 officers, patches
 * split across the wards), trusted volunteers with approximate home points, and two councillors
 * per ward. Ids are given up front so supervisors, ward members and rules can point at them.
 */
export function generateDemoPeople(random: Random, wardCodes: readonly string[], homeArea: () => { latitude: number; longitude: number }): DemoPeople {
  const used = new Set<string>(Object.values(NAMED_OFFICERS));
  const name = (): string => {
    for (;;) {
      const candidate = `${random.pick(FIRST)} ${random.pick(LAST)}`;
      if (!used.has(candidate)) {
        used.add(candidate);
        return candidate;
      }
    }
  };
  const email = (full: string, suffix = DEMO_EMAIL_DOMAIN) => `${full.toLowerCase().replace(/[^a-z ]/g, '').replace(/ /g, '.')}@${suffix}`;
  const person = (role: NewPerson['role'], full: string, extra: Partial<NewPerson>): NewPerson => ({
    id: random.guid(),
    name: full,
    email: role === 'volunteer' ? email(full, 'volunteers.example.org.uk') : email(full),
    entraObjectId: random.guid(),
    role,
    onDuty: role !== 'councillor',
    ...extra,
  });
  const supervisors: NewPerson[] = [];
  const officers: NewPerson[] = [];
  for (const { team, officers: count } of DEMO_TEAMS) {
    const supervisor = person('supervisor', name(), { teams: team, patch: wardCodes.join(',') });
    supervisors.push(supervisor);
    for (let i = 0; i < count; i += 1) {
      // Street care works patches of three wards; other teams cover the borough.
      const patch = team === 'Street care' ? wardCodes.filter((_, w) => Math.floor(w / 3) === i % 4).join(',') : wardCodes.join(',');
      const full = i === 0 && NAMED_OFFICERS[team] ? NAMED_OFFICERS[team] : name();
      officers.push(person('officer', full, { teams: team, patch, supervisor: supervisor.id, onDuty: i === 0 || random.chance(0.85) }));
    }
  }
  const coordinator = supervisors.find((s) => s.teams === 'Community support') as NewPerson;
  const volunteers = Array.from({ length: 16 }, () => {
    const home = homeArea();
    return person('volunteer', name(), {
      teams: 'Community support',
      supervisor: coordinator.id,
      trusted: random.chance(0.85),
      onDuty: random.chance(0.7),
      radius: random.pick([1500, 2000, 3000, 5000]),
      // Approximate (about 100 m): a volunteer's home is personal data.
      homeLatitude: Math.round(home.latitude * 1000) / 1000,
      homeLongitude: Math.round(home.longitude * 1000) / 1000,
    });
  });
  const councillors = wardCodes.flatMap((wardCode) =>
    [0, 1].map(() => ({ ...person('councillor', `Cllr ${name()}`, { teams: null, patch: wardCode, onDuty: false }), wardCode })),
  );
  return { supervisors, officers, volunteers, councillors };
}
