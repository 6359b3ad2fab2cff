import { join } from 'node:path';
import { CATALOGUE, expectOneLineError, WARDS, workspace } from './cli-harness';

jest.setTimeout(180_000);

const ws = workspace();
afterAll(() => ws.cleanup());

const header = 'Reference,Type,Status,Latitude,Longitude,Address,Reported,Closed,Outcome,Description';
/** Legacy rows around Colchester town centre (Castle ward). */
function legacyRows(count: number, start = 1): string[] {
  return Array.from({ length: count }, (_, i) => {
    const n = start + i;
    const lat = (51.8895 + (n % 50) * 0.00002).toFixed(6);
    const lon = (0.9016 + (n % 70) * 0.00002).toFixed(6);
    return `LEG-${n},fly-tipping,Closed,${lat},${lon},${n} High Street,01/0${1 + (n % 9)}/2024 09:${String(n % 60).padStart(2, '0')},2024-10-01T12:00:00Z,Cleared,Bags by the bins`;
  });
}

/** Every index of the job tables, with its definition: a bulk import may drop some while it runs, never for good. */
const jobIndexes = () => ws.query<{ name: string; sql: string | null }>("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('wl_task', 'wl_taskupdate') ORDER BY name");

describe('wardline import tasks', () => {
  beforeAll(() => {
    expect(ws.run('import', 'wards', join(WARDS, 'E07000071.geojson'), '--name-property', 'cmwd11nm', '--code-property', 'cmwd11cd').code).toBe(0);
    expect(ws.run('import', 'task-types', CATALOGUE).code).toBe(0);
    expect(ws.run('import', 'assets', ws.file('bins.csv', 'id,type,latitude,longitude\nBIN-1,Litter bin,51.88951,0.90161\n')).code).toBe(0);
  });

  it('loads legacy jobs in their own words, places them in wards, links the nearest asset and sends nothing', () => {
    const file = ws.file('legacy.csv', [
      'Case No,Category,State,Lat,Lon,Location,Logged On,Closed On,Closure Note,Details,Ward',
      'C-100,Fly-tipping,Closed,51.88951,0.90161,By the bins,14/03/2024 09:30,15/03/2024 11:00,Cleared,Three bags,Castle',
      'C-101,WL-STR-003,Open,51.8904,0.9036,Castle Park gate,2024-03-20,,,Tag on the gate,',
      'C-102,Dead animal,not fixed,51.8904,0.9036,,2024-04-01T08:00:00Z,2024-04-01T10:00:00Z,Could not find it,,',
    ].join('\n'));
    const before = ws.counts();
    const run = ws.run('import', 'tasks', file, '--column', 'externalReference=Case No', '--column', 'resolution=Closure Note');
    expect(run.stderr).toBe('import tasks: ignoring column(s) "Ward"\n');
    expect(run.stdout).toBe(`Imported 3 jobs from ${file}: 3 new, 0 already imported.\n`);
    const after = ws.counts();
    expect(after.wl_task - before.wl_task).toBe(3);
    expect(after.wl_outbox).toBe(before.wl_outbox);
    const jobs = ws.query<{ ref: string; status: string; ward: string; type: string; asset: string | null; reference: string; due: string; resolution: string | null }>(
      `SELECT t.wl_externalreference AS ref, t.wl_status AS status, w.wl_name AS ward, tt.wl_code AS type, a.wl_externalid AS asset, t.wl_reference AS reference, t.wl_dueby AS due, t.wl_resolution AS resolution
       FROM wl_task t JOIN wl_ward w ON w.id = t.wl_ward JOIN wl_tasktype tt ON tt.id = t.wl_tasktype LEFT JOIN wl_asset a ON a.id = t.wl_asset WHERE t.wl_sourcechannel = 'import' ORDER BY 1`,
    );
    expect(jobs.map((j) => [j.ref, j.status, j.ward, j.type, j.asset])).toEqual([
      ['C-100', 'completed', 'Castle', 'fly-tipping', 'BIN-1'],
      ['C-101', 'new', 'Castle', 'graffiti', null],
      ['C-102', 'could_not_complete', 'Castle', 'dead-animal', null],
    ]);
    expect(jobs[0].reference).toMatch(/^WL-24-\d{6}$/);
    // Thursday 14 March 2024 09:30 plus 16 working hours (08:00-17:00): 7.5 on Thursday, 8.5 on Friday, so Friday 16:30 (GMT).
    expect(jobs[0].due).toBe('2024-03-15T16:30:00.000Z');
    expect(jobs[0].resolution).toBe('Cleared');
    const again = ws.run('import', 'tasks', file, '--column', 'externalReference=Case No', '--column', 'resolution=Closure Note');
    expect(again.stdout).toBe(`Imported 3 jobs from ${file}: 0 new, 3 already imported.\n`);
    expect(ws.counts()).toEqual(after);
  });

  it('streams a large file with progress on stderr', () => {
    const file = ws.file('big.csv', [header, ...legacyRows(12000, 1000)].join('\n'));
    const before = ws.counts();
    const indexes = jobIndexes();
    const run = ws.run('import', 'tasks', file);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Imported 12000 jobs from ${file}: 12000 new, 0 already imported.\n`);
    const label = `import tasks ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`;
    // Far more rows than the store held, so the secondary indexes were set aside and built again at the end (and said so).
    expect(run.stderr).toMatch(new RegExp(`^${label}: 10,000 rows \\(\\d+%\\), [\\d,]+ rows/s\\n${label}: building \\d+ job indexes again before saving\\n$`));
    expect(ws.counts().wl_task - before.wl_task).toBe(12000);
    expect(jobIndexes()).toEqual(indexes);
    expect(ws.query<{ n: number }>("SELECT COUNT(*) AS n FROM wl_task INDEXED BY ix_wl_task_reportedon WHERE wl_reportedon >= '2024-01-01'")[0].n).toBe(ws.counts().wl_task);
    // Running the same file again writes nothing, so nothing is set aside or built again.
    const again = ws.run('import', 'tasks', file);
    expect(again.stdout).toBe(`Imported 12000 jobs from ${file}: 0 new, 12000 already imported.\n`);
    expect(again.stderr).not.toContain('indexes');
    expect(jobIndexes()).toEqual(indexes);
  });

  it('leaves the store and every index as they were when a large import fails near the end', () => {
    const rows = legacyRows(30000, 200000);
    rows[29990] = rows[29990].replace('2024-10-01T12:00:00Z', '2024-10-01T12:00:00Q');
    const file = ws.file('bad-large.csv', [header, ...rows].join('\n'));
    const before = ws.counts();
    const indexes = jobIndexes();
    const run = ws.run('import', 'tasks', file);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n').pop()).toBe(`wardline: ${file}, line 29992, field "Closed": "2024-10-01T12:00:00Q" is not a date and time (use 2024-05-01T09:30:00Z or 01/05/2024 09:30)`);
    expect(ws.counts()).toEqual(before);
    expect(jobIndexes()).toEqual(indexes);
  });

  it('stores nothing when a row near the end of a long file is bad, though earlier chunks were written', () => {
    const rows = legacyRows(11000, 50000);
    rows[10990] = rows[10990].replace('fly-tipping', 'flytip');
    const file = ws.file('bad-late.csv', [header, ...rows].join('\n'));
    const before = ws.counts();
    const run = ws.run('import', 'tasks', file, '--batch-size', '1000');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines[lines.length - 1]).toBe(`wardline: ${file}, line 10992, field "Type": unknown task type "flytip"; use a catalogue code (see \`wardline import task-types\`), name or Open311 service code`);
    expect(lines.slice(0, -1).every((l) => l.startsWith('import tasks '))).toBe(true);
    expect(ws.counts()).toEqual(before);
  });

  it.each([
    ['a point outside every ward', `${header}\nX-1,fly-tipping,Closed,52.6,1.3,,2024-01-01,2024-01-02,,\n`, 'wardline: {file}, line 2, field "Latitude": 52.600000, 1.300000 is outside every ward of the council (use --allow-outside to keep such rows without a ward)'],
    ['a bad date', `${header}\nX-1,fly-tipping,Closed,51.8904,0.9036,,31/02/2024,2024-03-02,,\n`, 'wardline: {file}, line 2, field "Reported": "31/02/2024" is not a date and time (use 2024-05-01T09:30:00Z or 01/05/2024 09:30)'],
    ['a closed job with no closing date', `${header}\nX-1,fly-tipping,Completed,51.8904,0.9036,,2024-01-01,,,\n`, 'wardline: {file}, line 2, field "Closed": a completed job needs the date it was closed'],
    ['an unknown status', `${header}\nX-1,fly-tipping,Pending review,51.8904,0.9036,,2024-01-01,,,\n`, 'wardline: {file}, line 2, field "Status": "Pending review" is not one of: new, assigned, accepted, in_progress, on_hold, completed, could_not_complete, cancelled, merged'],
    ['a merged job', `${header}\nX-1,fly-tipping,Duplicate,51.8904,0.9036,,2024-01-01,,,\n`, 'wardline: {file}, line 2, field "Status": merged (duplicate) jobs cannot be imported: import the job they were merged into, or mark them cancelled'],
    ['a duplicate reference', `${header}\nX-1,fly-tipping,Open,51.8904,0.9036,,2024-01-01,,,\nX-1,graffiti,Open,51.8904,0.9036,,2024-01-01,,,\n`, 'wardline: {file}, line 3, field "Reference": duplicate reference "X-1" (line 2 has it too)'],
    ['a missing required column', 'Reference,Type,Latitude,Longitude,Reported\nX-1,fly-tipping,51.8904,0.9036,2024-01-01\n', 'wardline: {file}, line 1, field "status": the header has no "status" column'],
    ['an assigned job with no officer', `${header}\nX-1,fly-tipping,Assigned,51.8904,0.9036,,2024-01-01,,,\n`, 'wardline: {file}, line 2, field "officer": a job that is assigned needs an officer (give the officer\'s email)'],
  ])('refuses %s with one line and leaves the store unchanged', (_name, content, message) => {
    const before = ws.counts();
    const file = ws.file('legacy-bad.csv', content);
    expectOneLineError(ws.run('import', 'tasks', file), message.replace('{file}', file));
    expect(ws.counts()).toEqual(before);
  });

  it('refuses a bad --column mapping', () => {
    const file = ws.file('any.csv', `${header}\n`);
    expectOneLineError(ws.run('import', 'tasks', file, '--column', 'caseNumber=Case No'), /^wardline: --column: "caseNumber" is not a field; use one of externalReference, taskType,/);
  });
});
