import type { Task } from '../../model';
import type { Store, TaskQuery } from '../store';
import { creation, ids } from './fixtures';

/** Eight jobs that differ in every filtered column; title gives each a name. */
async function seedJobs(store: Store): Promise<void> {
  const day = (d: number, h = 9) => `2026-03-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00.000Z`;
  await store.createTasks([
    creation({ title: 'A mattress', reportedOn: day(1), dueBy: day(3), priority: 'normal', status: 'new', address: '1 High Street' }),
    creation({ title: 'B needles', reportedOn: day(2), dueBy: day(2, 17), priority: 'urgent', status: 'assigned', assignedOfficer: ids.alice, councillorRaised: true }),
    creation({ title: 'C graffiti', reportedOn: day(3), dueBy: day(10), priority: 'low', status: 'in_progress', assignedOfficer: ids.alice, taskType: ids.graffiti, assignedTeam: 'Graffiti' }),
    creation({ title: 'D harbour bags', reportedOn: day(4), dueBy: day(5), priority: 'high', status: 'on_hold', ward: ids.harbour, latitude: 51.95, longitude: 0.95 }),
    creation({ title: 'E done', reportedOn: day(5), dueBy: day(4), priority: 'normal', status: 'completed', assignedOfficer: ids.bob }),
    creation({ title: 'F 100%_sure', reportedOn: day(6), priority: 'high', status: 'new', sourceChannel: 'open311', externalReference: 'SR-9' }),
    creation({ title: 'G no ward', reportedOn: day(7), priority: 'low', status: 'cancelled', ward: null }),
    creation({ title: 'H harbour new', reportedOn: day(8), dueBy: day(9), priority: 'urgent', status: 'new', ward: ids.harbour }),
  ]);
}

const letters = (tasks: Task[]): string => tasks.map((t) => t.title[0]).join('');

/** Job queries: every filter, ordering, paging and totals. */
export function queryContract(store: () => Store): void {
  describe('querying jobs', () => {
    const list = async (query: TaskQuery): Promise<string> => letters((await store().listTasks(query)).items);
    beforeEach(() => seedJobs(store()));

    it.each<[string, TaskQuery, string]>([
      ['all, oldest report first', {}, 'ABCDEFGH'],
      ['by ward', { wardIds: [ids.harbour] }, 'DH'],
      ['by status', { statuses: ['new', 'on_hold'] }, 'ADFH'],
      ['by task type', { taskTypeIds: [ids.graffiti] }, 'C'],
      ['by priority', { priorities: ['urgent'] }, 'BH'],
      ['by assigned officer', { assignedOfficer: ids.alice }, 'BC'],
      ['unassigned', { assignedOfficer: null }, 'ADFGH'],
      ['by team', { assignedTeam: 'Graffiti' }, 'C'],
      ['by source', { sourceChannel: 'open311' }, 'F'],
      ['councillor-raised', { councillorRaised: true }, 'B'],
      ['not councillor-raised', { councillorRaised: false, statuses: ['assigned', 'in_progress'] }, 'C'],
      ['overdue and still open', { overdueAt: '2026-03-05T12:00:00Z' }, 'ABD'],
      ['reported between two times', { reportedFrom: '2026-03-03T00:00:00Z', reportedTo: '2026-03-05T09:00:00Z' }, 'CD'],
      ['by text in title, address or reference, case-insensitive', { text: 'HIGH street' }, 'A'],
      ['by text with LIKE wildcards taken literally', { text: '%' }, 'F'],
      ['in a bounding box', { bbox: { minLatitude: 51.9, minLongitude: 0.92, maxLatitude: 52, maxLongitude: 1 } }, 'D'],
      ['newest first', { descending: true }, 'HGFEDCBA'],
      ['due date order', { orderBy: 'dueBy', statuses: ['new', 'assigned', 'on_hold'] }, 'FBADH'],
      ['priority order, most urgent first', { orderBy: 'priority', statuses: ['new', 'assigned', 'in_progress'], wardIds: [ids.castle] }, 'BFAC'],
    ])('lists jobs: %s', async (_name, query, expected) => {
      expect(await list(query)).toBe(expected);
    });

    it('pages with a stable order and gives the total of all matches', async () => {
      const page = await store().listTasks({ statuses: ['new', 'assigned', 'in_progress', 'on_hold'], limit: 2, offset: 2 });
      expect(letters(page.items)).toBe('CD');
      expect(page.total).toBe(6);
      expect(await store().listTasks({ limit: 0 })).toEqual({ items: [], total: 8 });
    });

    it('finds open jobs, by reference and by modification time', async () => {
      expect(letters(await store().listOpenTasks())).toBe('ABCDFH');
      const [b] = (await store().listTasks({ priorities: ['urgent'] })).items;
      expect(await store().getTaskByReference(b.reference)).toEqual(b);
      expect((await store().listTasks({ modifiedSince: '2000-01-01T00:00:00Z' })).total).toBe(8);
      expect((await store().listTasks({ modifiedSince: '2999-01-01T00:00:00Z' })).total).toBe(0);
    });
  });

  describe('people and subscriptions', () => {
    it('filters people by role and team and updates them', async () => {
      expect((await store().listOfficers({ role: 'officer' })).map((o) => o.name)).toEqual(['Alice Field', 'Bob Grounds']);
      expect((await store().listOfficers({ team: 'graffiti' })).map((o) => o.name)).toEqual(['Alice Field']);
      expect((await store().getOfficerByEntraId('aaaaaaaa-0000-0000-0000-000000000002'))?.name).toBe('Bob Grounds');
      const updated = await store().updateOfficer(ids.bob, { onDuty: true, conversationReference: '{"id":"a:1"}' });
      expect(updated).toMatchObject({ onDuty: true, conversationReference: '{"id":"a:1"}', name: 'Bob Grounds' });
      expect(await store().getOfficer(ids.bob)).toEqual(updated);
      expect((await store().listWardMembers({ wardId: ids.castle })).map((m) => m.councillor)).toEqual([ids.cllrCole]);
    });

    it('stores subscriptions with a job and finds them by job, ward and person', async () => {
      const base = creation();
      const { task } = await store().createTask({ ...base, subscriptions: [{ name: 'Reporter updates', channel: 'email', contact: 'r@example.org', events: 'completed' }] });
      await store().addSubscriptions([{ name: 'Castle alerts', channel: 'teams', person: ids.cllrCole, ward: ids.castle, events: 'raised' }]);
      expect((await store().listSubscriptions({ taskId: task.id })).map((s) => s.name)).toEqual(['Reporter updates']);
      expect((await store().listSubscriptions({ wardId: ids.castle, personId: ids.cllrCole })).map((s) => s.active)).toEqual([true]);
    });
  });
}
