import { CATALOGUE, expectOneLineError, workspace } from './cli-harness';

jest.setTimeout(180_000);

const ws = workspace();
afterAll(() => ws.cleanup());
const header = 'code,name,service_area,default_priority,sla_hours,dispatch_mode,redaction,duplicate_radius,duplicate_window_days';

describe('wardline import task-types', () => {
  it('loads the shipped catalogue, then a JSON file that updates one type and adds another', () => {
    const first = ws.run('import', 'task-types', CATALOGUE);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/^Imported 73 task types from .*task-types\.csv: 73 new, 0 updated\.\n$/);
    const json = ws.file('extra.json', JSON.stringify({ taskTypes: [
      { code: 'fly-tipping', name: 'Fly-tipping', serviceArea: 'street_care', defaultPriority: 'high', slaHours: 8, dispatchMode: 'pool', redaction: 'standard', duplicateRadius: 40, duplicateWindowDays: 14 },
      { code: 'beach-litter', name: 'Beach litter', serviceArea: 'countryside', defaultPriority: 'low', slaHours: 40, dispatchMode: 'pool', redaction: 'standard', duplicateRadius: 200, duplicateWindowDays: 7, checklist: ['Litter pick the tide line'] },
    ] }));
    expect(ws.run('import', 'task-types', json).stdout).toBe(`Imported 2 task types from ${json}: 1 new, 1 updated.\n`);
    expect(ws.counts().wl_tasktype).toBe(74);
  });

  it.each([
    ['a bad choice', `${header}\nbench,Bench,streets,normal,40,pool,standard,20,7\n`, 'wardline: {file}, line 2, field "service_area": "streets" is not one of: street_care, grounds_maintenance, parks, countryside, arboriculture, community_support'],
    ['a duplicate code', `${header}\nbench,Bench,parks,normal,40,pool,standard,20,7\nbench,Seat,parks,normal,40,pool,standard,20,7\n`, 'wardline: {file}, line 3, field "code": duplicate code "bench" (line 2 has it too)'],
    ['a row with too few cells', `${header}\nbench,Bench,parks,normal,40,pool,standard,20\n`, 'wardline: {file}, line 2: the row has 8 cells but the header has 9'],
    ['an empty file', '', 'wardline: {file}: the file is empty'],
    ['a header and no rows', `${header}\n`, 'wardline: {file}, line 2: the file has a header row but no data rows'],
    ['an SLA out of range', `${header}\nbench,Bench,parks,normal,0,pool,standard,20,7\n`, 'wardline: {file}, line 2, field "sla_hours": 0 is below the minimum of 1'],
  ])('refuses %s with one line and leaves the store unchanged', (_name, content, message) => {
    const before = ws.counts();
    const file = ws.file('types.csv', content);
    expectOneLineError(ws.run('import', 'task-types', file), message.replace('{file}', file));
    expect(ws.counts()).toEqual(before);
  });

  it('refuses a UTF-16 CSV exported from Excel and a file that is neither CSV nor JSON', () => {
    const before = ws.counts();
    const file = ws.file('unicode.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${header}\n`, 'utf16le')]));
    expectOneLineError(ws.run('import', 'task-types', file), `wardline: ${file}, line 1: the file is UTF-16 encoded (it starts with a UTF-16 byte order mark); save it as UTF-8 and try again`);
    const xlsx = ws.file('types.xlsx', 'PK');
    expectOneLineError(ws.run('import', 'task-types', xlsx), `wardline: ${xlsx}: task types are read from a .csv or .json file`);
    expect(ws.counts()).toEqual(before);
  });
});
