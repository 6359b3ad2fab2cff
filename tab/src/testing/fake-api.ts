// Test-only: a TabApi answering from fixed data and recording what the views asked for.
import type { TabApi } from '../app/api';
import type { Board, ChangeResult, ClientAction, Job, JobDetail, Me, WardFigures } from '../app/types';

export const job = (over: Partial<Job> = {}): Job => ({
  id: 'job-1', reference: 'WL-26-000001', title: 'Fly-tipping at 3 Mill Lane', status: 'assigned', statusLabel: 'Assigned', priority: 'high', priorityLabel: 'High',
  taskType: 'tt-1', taskTypeName: 'Fly-tipping', ward: 'ward-1', wardName: 'Riverside', address: '3 Mill Lane', latitude: 51.89, longitude: 0.9,
  reportedOn: '2026-03-01T09:00:00Z', dueBy: '2026-03-02T09:00:00Z', assignedOfficer: 'officer-1', assignedOfficerName: 'Priya Shah', assignedTeam: 'Street care',
  rowVersion: 3, overdue: false, open: true, requirePhoto: false, councillorRaised: false, ...over,
});

export const me = (role: Me['person']['role']): Me => ({
  person: { id: 'person-1', name: 'Test Person', email: null, role, teams: 'Street care' },
  wards: [{ id: 'ward-1', name: 'Riverside', code: 'E05000001' }, { id: 'ward-2', name: 'Brook Vale', code: 'E05000002' }],
  teams: ['street care'], taskTypes: [{ id: 'tt-1', code: 'fly-tipping', name: 'Fly-tipping' }, { id: 'tt-2', code: 'graffiti', name: 'Graffiti' }],
  councilName: 'Wardline Borough Council', tileUrl: null, tileAttribution: null,
});

export interface Recorded {
  jobs: Record<string, string>[];
  acts: { reference: string; action: ClientAction; expectedRowVersion?: number }[];
  follows: string[];
}

export function fakeApi(data: { jobs?: Job[]; detail?: JobDetail; board?: Board; figures?: WardFigures; myJobs?: JobDetail[] } = {}): { api: TabApi; recorded: Recorded } {
  const recorded: Recorded = { jobs: [], acts: [], follows: [] };
  const applied = (reference: string): ChangeResult => ({ clientId: null, reference, outcome: 'applied' });
  const api: TabApi = {
    me: async () => me('councillor'),
    jobs: async (params) => {
      recorded.jobs.push(params);
      const items = (data.jobs ?? []).filter((j) => params.overdue !== '1' || j.overdue);
      return { items, total: items.length, page: Number(params.page ?? 1), pageSize: 25 };
    },
    map: async () => ({ total: 0, shown: 0, points: [] }),
    job: async () => data.detail as JobDetail,
    myJobs: async () => ({ jobs: data.myJobs ?? [], asOf: '2026-03-10T10:00:00Z' }),
    figures: async () => data.figures as WardFigures,
    boundaries: async () => ({ type: 'FeatureCollection', features: [] }),
    board: async () => data.board as Board,
    officers: async () => ({ officers: [{ id: 'officer-1', name: 'Priya Shah', onDuty: true }, { id: 'officer-2', name: 'Sam Okafor', onDuty: true }] }),
    act: async (reference, action, expectedRowVersion) => {
      recorded.acts.push({ reference, action, expectedRowVersion });
      return applied(reference);
    },
    sync: async (changes) => ({ results: changes.map((c) => ({ ...applied((c as { reference: string }).reference), clientId: (c as { clientId: string }).clientId })) }),
    photo: async (reference) => applied(reference),
    raise: async () => ({ job: job(), created: true, duplicate: false }),
    follow: async (reference) => {
      recorded.follows.push(reference);
      return { following: true };
    },
  };
  return { api, recorded };
}
