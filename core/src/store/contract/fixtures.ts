import type { NewRow, taskTable } from '../../model';
import type { NewOutboxEvent, NewTimelineEntry, Store, TaskCreation } from '../store';

/**
 * Reference data and job builders shared by the contract suite. Ids are fixed so tests read
 * plainly; every time is explicit so no test depends on the clock.
 */
export const ids = {
  flyTipping: '00000000-0000-4000-8000-000000000001',
  graffiti: '00000000-0000-4000-8000-000000000002',
  castle: '00000000-0000-4000-8000-000000000011',
  harbour: '00000000-0000-4000-8000-000000000012',
  alice: '00000000-0000-4000-8000-000000000021',
  bob: '00000000-0000-4000-8000-000000000022',
  cllrCole: '00000000-0000-4000-8000-000000000023',
} as const;

const square = (x: number, y: number): string => JSON.stringify({ type: 'Polygon', coordinates: [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]] });

/** Loads two task types, two wards, three people and a ward membership. */
export async function seedReferenceData(store: Store): Promise<void> {
  await store.importRows([
    {
      table: 'taskType',
      mode: 'insert',
      rows: [
        { id: ids.flyTipping, name: 'Fly-tipping', code: 'fly-tipping', serviceArea: 'street_care', defaultPriority: 'normal', slaHours: 16, dispatchMode: 'assign', redaction: 'standard', duplicateRadius: 50, duplicateWindowDays: 14 },
        { id: ids.graffiti, name: 'Graffiti', code: 'graffiti', serviceArea: 'street_care', defaultPriority: 'low', slaHours: 40, dispatchMode: 'pool', redaction: 'standard', duplicateRadius: 25, duplicateWindowDays: 30, requirePhoto: true },
      ],
    },
    {
      table: 'ward',
      mode: 'insert',
      rows: [
        { id: ids.castle, name: 'Castle', code: 'E05004123', boundary: square(0.9, 51.89) },
        { id: ids.harbour, name: 'Harbour', code: 'E05004124', boundary: square(0.91, 51.89) },
      ],
    },
    {
      table: 'officer',
      mode: 'insert',
      rows: [
        { id: ids.alice, name: 'Alice Field', entraObjectId: 'aaaaaaaa-0000-0000-0000-000000000001', role: 'officer', teams: 'Street Care North, Graffiti', onDuty: true },
        { id: ids.bob, name: 'Bob Grounds', entraObjectId: 'aaaaaaaa-0000-0000-0000-000000000002', role: 'officer', teams: 'Grounds' },
        { id: ids.cllrCole, name: 'Cllr Cole', entraObjectId: 'aaaaaaaa-0000-0000-0000-000000000003', role: 'councillor' },
      ],
    },
    { table: 'wardMember', mode: 'insert', rows: [{ name: 'Cllr Cole (Castle)', ward: ids.castle, councillor: ids.cllrCole }] },
  ]);
}

let counter = 0;

/** A new job row with sensible values; override any column. */
export function newTask(overrides: Partial<NewRow<typeof taskTable>> = {}): NewRow<typeof taskTable> {
  counter += 1;
  return {
    reference: `WL-26-${String(counter).padStart(6, '0')}`,
    title: `Mattress on verge ${counter}`,
    taskType: ids.flyTipping,
    status: 'new',
    priority: 'normal',
    latitude: 51.8904,
    longitude: 0.9036,
    ward: ids.castle,
    sourceChannel: 'cli',
    dispatchMode: 'assign',
    reportedOn: '2026-03-02T09:00:00.000Z',
    reportCount: 1,
    rowVersion: 1,
    ...overrides,
  };
}

/** A timeline entry for a job being created or changed. */
export const entry = (summary: string, overrides: Partial<NewTimelineEntry> = {}): NewTimelineEntry => ({
  summary,
  kind: 'note',
  occurredOn: '2026-03-02T09:00:00.000Z',
  visibility: 'internal',
  ...overrides,
});

/** A log-channel outbox event with a unique idempotency key. */
export const event = (key: string, overrides: Partial<NewOutboxEvent> = {}): NewOutboxEvent => ({
  name: `Event ${key}`,
  eventType: 'task.created',
  channel: 'log',
  payload: JSON.stringify({ key }),
  idempotencyKey: key,
  ...overrides,
});

/** A creation with one timeline entry and one outbox event. */
export function creation(overrides: Partial<NewRow<typeof taskTable>> = {}, key = `created-${counter + 1}`): TaskCreation {
  return { task: newTask(overrides), timeline: [entry('Reported', { kind: 'created' })], outbox: [event(key)] };
}

/** Asserts a promise rejects with an error of this class and returns the error. */
export async function rejection<E extends Error>(promise: Promise<unknown>, type: new (...args: never[]) => E): Promise<E> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(type);
  return error as E;
}
