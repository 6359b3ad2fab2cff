import { CASTLE, expectOneLineError, workspace } from './cli-harness';

jest.setTimeout(180_000);

const ws = workspace();
afterAll(() => ws.cleanup());

describe('wardline demo, report and tasks', () => {
  beforeAll(() => {
    const seeded = ws.run('demo');
    expect(seeded.stderr).toBe('');
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toMatch(/^Seeded the demo council into .* in [\d.]+ s:\n {2}12 wards, 73 task types, 72 people, \d{4} assets, 9 routing rules\n {2}300 reports: \d+ jobs \(.*\), \d+ added to open jobs as duplicates\n$/);
  });

  it('seeds jobs in every status, with timelines, and Castle ward holds the README point', () => {
    const statuses = ws.query<{ status: string; n: number }>('SELECT wl_status AS status, COUNT(*) AS n FROM wl_task GROUP BY 1').map((r) => r.status);
    expect(statuses.sort()).toEqual(['accepted', 'assigned', 'cancelled', 'completed', 'could_not_complete', 'in_progress', 'merged', 'new', 'on_hold']);
    const counts = ws.counts();
    expect(counts.wl_task).toBeGreaterThan(200);
    expect(counts.wl_taskupdate).toBeGreaterThan(counts.wl_task * 3);
    expect(counts.wl_wardmember).toBe(24);
    expect(ws.query<{ n: number }>("SELECT COUNT(*) AS n FROM wl_officer WHERE wl_role = 'officer'")[0].n).toBe(25);
    expect(ws.query<{ n: number }>("SELECT COUNT(*) AS n FROM wl_officer WHERE wl_role = 'volunteer' AND wl_homelatitude IS NOT NULL")[0].n).toBe(16);
  });

  it('does nothing when the store already holds data', () => {
    const before = ws.counts();
    const again = ws.run('demo');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^The store at .* already holds data \(12 wards, \d+ jobs\); nothing was changed\. Use --force to replace it with the demo council\.\n$/);
    expect(ws.counts()).toEqual(before);
  });

  it('reports a job through triage and prints what it decided', () => {
    const before = ws.counts();
    const run = ws.run('report', '--type', 'fly-tipping', '--lat', String(CASTLE.latitude), '--lon', String(CASTLE.longitude), '--text', 'Mattress on verge', '--email', 'resident@example.com');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^(Created job WL-\d{2}-\d{6}: Fly-tipping in Castle|Added to open job WL-\d{2}-\d{6} \(.*\): it now stands for \d+ reports\.)$/);
    expect(lines).toEqual(expect.arrayContaining(['  Task type: Fly-tipping', '  Ward: Castle (E05900007)']));
    for (const label of ['Asset', 'Duplicate of', 'Priority', 'Due by', 'Assigned team', 'Dispatch mode', 'Status']) expect(lines.some((l) => l.startsWith(`  ${label}: `))).toBe(true);
    expect(lines.find((l) => l.startsWith('  Due by: '))).toMatch(/\(16 working hours\)$/);
    const after = ws.counts();
    expect(after.wl_task + after.wl_taskupdate).toBeGreaterThan(before.wl_task + before.wl_taskupdate);
    expect(after.wl_outbox).toBeGreaterThan(before.wl_outbox);
  });

  it.each([
    [['--type', 'flytip', '--lat', '51.8904', '--lon', '0.9036', '--text', 'x'], 'wardline: Unknown task type "flytip". Run `wardline import task-types` or pick one of the catalogue codes.'],
    [['--type', 'fly-tipping', '--lat', '52.5', '--lon', '0.9036', '--text', 'x'], 'wardline: The point 52.5, 0.9036 is outside every ward of the council.'],
    [['--type', 'fly-tipping', '--lat', 'north', '--lon', '0.9036', '--text', 'x'], 'wardline: --lat: "north" is not a number'],
    [['--type', 'fly-tipping', '--lat', '51.8904', '--lon', '0.9036', '--text', 'x', '--email', 'not-an-email'], 'wardline: reporter.email: "not-an-email" is not an email address'],
  ])('refuses a bad report with one line and stores nothing (%#)', (args, message) => {
    const before = ws.counts();
    expectOneLineError(ws.run('report', ...args), message);
    expect(ws.counts()).toEqual(before);
  });

  it('lists open jobs in a ward', () => {
    const run = ws.run('tasks', '--ward', 'Castle', '--status', 'open', '--limit', '500');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Reference\s+Reported\s+Type\s+Ward\s+Status\s+Priority\s+Due by\s+With$/);
    const rows = lines.slice(2, -2);
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) expect(row).toMatch(/^WL-\d{2}-\d{6}\s+\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\s+.+\s+Castle\s+(New|Assigned|Accepted|In progress|On hold)\s+(Urgent|High|Normal|Low)\s/);
    const open = ws.query<{ n: number }>("SELECT COUNT(*) AS n FROM wl_task t JOIN wl_ward w ON w.id = t.wl_ward WHERE w.wl_name = 'Castle' AND t.wl_status IN ('new','assigned','accepted','in_progress','on_hold')")[0].n;
    expect(lines[lines.length - 1]).toBe(`Showing ${open} of ${open} jobs.`);
    expectOneLineError(ws.run('tasks', '--ward', 'Atlantis'), /^wardline: --ward: no ward is called or coded "Atlantis" \(wards: /);
  });

  it('filters by type and status and shows one job with its timeline', () => {
    const completed = ws.run('tasks', '--status', 'completed', '--type', 'fly-tipping', '--limit', '3');
    const rows = completed.stdout.trim().split('\n').slice(2, -2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/\sFly-tipping\s.*\sCompleted\s/);
    const reference = rows[0].split(/\s+/)[0];
    const show = ws.run('tasks', 'show', reference);
    expect(show.code).toBe(0);
    const lines = show.stdout.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${reference}: `));
    expect(lines).toEqual(expect.arrayContaining(['  Task type: Fly-tipping', '  Status: Completed', 'Timeline:']));
    const timeline = lines.slice(lines.indexOf('Timeline:') + 1).filter((l) => /^ {2}\d/.test(l));
    expect(timeline[0]).toMatch(/\[Public\]\s+Reported by /);
    expect(timeline.some((l) => /Completed/.test(l))).toBe(true);
    expectOneLineError(ws.run('tasks', 'show', 'WL-99-999999'), 'wardline: No job with reference or id "WL-99-999999".');
  });
});

describe('wardline demo --force and --seed', () => {
  const a = workspace();
  const b = workspace();
  afterAll(() => {
    a.cleanup();
    b.cleanup();
  });

  it('gives the same council for the same seed, and --force replaces what is there', () => {
    expect(a.run('demo', '--reports', '40', '--seed', '7').code).toBe(0);
    expect(b.run('demo', '--reports', '10', '--seed', '99').code).toBe(0);
    const forced = b.run('demo', '--force', '--reports', '40', '--seed', '7');
    expect(forced.code).toBe(0);
    const shape = (w: typeof a) => ({
      wards: w.query('SELECT wl_name, wl_code, wl_boundary FROM wl_ward ORDER BY wl_code'),
      people: w.query('SELECT wl_name, wl_email, wl_role, wl_teams FROM wl_officer ORDER BY wl_email'),
      jobs: w.query('SELECT wl_title, wl_status, wl_priority, wl_latitude, wl_longitude FROM wl_task ORDER BY wl_reportedon, wl_title'),
    });
    const first = shape(a);
    expect(first.wards).toHaveLength(12);
    expect(shape(b)).toEqual(first);
  });
});
