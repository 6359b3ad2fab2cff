import { fromBritishNationalGrid, toBritishNationalGrid, type GridReference } from './british-national-grid';
import { OpenTaskIndex, type OpenTaskPoint } from './open-task-index';

const here = { latitude: 51.8904, longitude: 0.9036 };
const origin = toBritishNationalGrid(here);
function taskAt(id: string, taskType: string, east: number, north: number, reportedOn = '2024-05-01T09:00:00Z'): OpenTaskPoint {
  return { id, taskType, reportedOn, ...fromBritishNationalGrid(origin.easting + east, origin.northing + north) };
}

describe('OpenTaskIndex', () => {
  it('adds, finds, moves and removes open jobs', () => {
    const index = new OpenTaskIndex();
    index.add(taskAt('T1', 'fly-tipping', 30, 0));
    index.add(taskAt('T2', 'fly-tipping', 0, 10));
    index.add(taskAt('T3', 'graffiti', 5, 0));
    expect(index.size).toBe(3);
    expect(index.has('T2')).toBe(true);
    expect(index.nearby(here, 'fly-tipping', 50).map((m) => [m.task.id, Math.round(m.distanceMetres)])).toEqual([['T2', 10], ['T1', 30]]);

    index.add(taskAt('T2', 'fly-tipping', 0, 400)); // the same job, moved
    expect(index.size).toBe(3);
    expect(index.nearby(here, 'fly-tipping', 50).map((m) => m.task.id)).toEqual(['T1']);

    expect(index.remove('T1')).toBe(true);
    expect(index.remove('T1')).toBe(false);
    expect(index.has('T1')).toBe(false);
    expect(index.nearby(here, 'fly-tipping', 50)).toEqual([]);
    expect(index.nearby(here, 'graffiti', 50).map((m) => m.task.id)).toEqual(['T3']);
  });

  it('only returns jobs of the task type asked for, within the radius', () => {
    const index = new OpenTaskIndex();
    index.add(taskAt('A', 'dog-fouling', 20, 0));
    index.add(taskAt('B', 'fly-tipping', 60, 0));
    expect(index.nearby(here, 'fly-tipping', 59.99)).toEqual([]);
    expect(index.nearby(here, 'fly-tipping', 60.01).map((m) => m.task.id)).toEqual(['B']);
    expect(index.nearby(here, 'pothole', 1000)).toEqual([]);
  });

  it('keeps to a reporting window', () => {
    const index = new OpenTaskIndex();
    index.add(taskAt('old', 'fly-tipping', 10, 0, '2024-04-01T12:00:00Z'));
    index.add(taskAt('new', 'fly-tipping', 20, 0, '2024-05-01T12:00:00+01:00'));
    index.add(taskAt('sqlite', 'fly-tipping', 30, 0, '2024-05-01 11:00:00')); // SQLite's UTC format
    expect(index.nearby(here, 'fly-tipping', 100, '2024-05-01T11:00:00Z').map((m) => m.task.id)).toEqual(['new', 'sqlite']);
    expect(index.nearby(here, 'fly-tipping', 100, '2024-05-01T11:00:01Z').map((m) => m.task.id)).toEqual([]);
    expect(index.nearby(here, 'fly-tipping', 100, '2024-04-01').map((m) => m.task.id)).toEqual(['old', 'new', 'sqlite']);
  });

  it('agrees with a brute-force search while jobs open and close', () => {
    let state = 11;
    const next = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    const index = new OpenTaskIndex();
    const open = new Map<string, OpenTaskPoint & { grid: GridReference }>();
    for (let step = 0; step < 3000; step += 1) {
      const id = `J${Math.floor(next() * 1500)}`;
      if (next() < 0.3) {
        expect(index.remove(id)).toBe(open.delete(id));
      } else {
        const day = String(1 + Math.floor(next() * 28)).padStart(2, '0');
        const task = taskAt(id, next() < 0.5 ? 'fly-tipping' : 'graffiti', (next() - 0.5) * 2000, (next() - 0.5) * 2000, `2024-02-${day}T08:00:00Z`);
        index.add(task);
        open.set(id, { ...task, grid: toBritishNationalGrid(task) });
      }
    }
    expect(index.size).toBe(open.size);
    for (let q = 0; q < 100; q += 1) {
      const p = fromBritishNationalGrid(origin.easting + (next() - 0.5) * 2000, origin.northing + (next() - 0.5) * 2000);
      const radius = next() * 300;
      const g = toBritishNationalGrid(p);
      const metres = (t: { grid: GridReference }) => Math.hypot(t.grid.easting - g.easting, t.grid.northing - g.northing);
      const expected = [...open.values()]
        .filter((t) => t.taskType === 'graffiti' && t.reportedOn >= '2024-02-10' && metres(t) <= radius)
        .sort((a, b) => metres(a) - metres(b))
        .map((t) => t.id);
      expect(index.nearby(p, 'graffiti', radius, '2024-02-10').map((m) => m.task.id)).toEqual(expected);
    }
  });

  it('refuses a job without a usable date or position', () => {
    const index = new OpenTaskIndex();
    expect(() => index.add(taskAt('X1', 'graffiti', 0, 0, 'yesterday'))).toThrow('job "X1" reportedOn: "yesterday" is not an ISO 8601 date and time (for example 2024-05-01T09:30:00Z).');
    expect(() => index.add({ id: 'X2', taskType: 'graffiti', latitude: Number.NaN, longitude: 0.9, reportedOn: '2024-05-01' })).toThrow(expect.objectContaining({ code: 'WL-GEO-003' }));
    expect(() => index.nearby(here, 'graffiti', 10, '2024-13-45')).toThrow(expect.objectContaining({ code: 'WL-GEO-005' }));
    expect(index.size).toBe(0);
  });
});
