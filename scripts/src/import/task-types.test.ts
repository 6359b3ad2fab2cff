import { join } from 'node:path';
import { readTaskTypeFile } from './task-types';
import { importProblem, tempFolder } from './test-files.test-data';

const folder = tempFolder();
afterAll(() => folder.cleanup());
const catalogue = join(__dirname, '../../data/task-types.csv');
const header = 'code,name,service_area,default_priority,sla_hours,dispatch_mode,redaction,duplicate_radius,duplicate_window_days';

describe('readTaskTypeFile', () => {
  it('reads the shipped catalogue: about 70 types across every service area', async () => {
    const types = await readTaskTypeFile(catalogue);
    expect(types.length).toBeGreaterThanOrEqual(65);
    expect(new Set(types.map((t) => t.serviceArea))).toEqual(new Set(['street_care', 'grounds_maintenance', 'parks', 'countryside', 'arboriculture', 'community_support']));
    const needles = types.find((t) => t.code === 'needles');
    expect(needles).toMatchObject({ name: 'Needles and drug litter', defaultPriority: 'urgent', redaction: 'sensitive', dispatchMode: 'assign', active: true });
    expect(needles?.checklist?.split('\n')).toHaveLength(4);
    expect(types.filter((t) => t.serviceArea === 'community_support').every((t) => t.redaction === 'sensitive')).toBe(true);
    expect(types.find((t) => t.code === 'prescription-collection')?.dispatchMode).toBe('volunteers');
    expect(types.find((t) => t.code === 'fly-tipping')).toMatchObject({ slaHours: 16, open311Code: 'WL-STR-001', requirePhoto: true });
  });

  it('reads JSON with lists for checklists, and labels for choices', async () => {
    const path = folder.write('types.json', JSON.stringify([{ code: 'bench', name: 'Bench', serviceArea: 'Street care', defaultPriority: 'Normal', slaHours: 40, dispatchMode: 'pool', redaction: 'standard', duplicateRadius: 20, duplicateWindowDays: 7, checklist: ['Make safe', 'Repair'] }]));
    const [bench] = await readTaskTypeFile(path);
    expect(bench).toMatchObject({ code: 'bench', serviceArea: 'street_care', defaultPriority: 'normal', checklist: 'Make safe\nRepair', requirePhoto: false, active: true });
  });

  it.each([
    ['a bad choice', `${header}\nbench,Bench,streets,normal,40,pool,standard,20,7\n`, ', line 2, field "service_area": "streets" is not one of: street_care, grounds_maintenance, parks, countryside, arboriculture, community_support'],
    ['a bad number', `${header}\nbench,Bench,parks,normal,forty,pool,standard,20,7\n`, ', line 2, field "sla_hours": "forty" is not a number'],
    ['a missing value', `${header}\nbench,,parks,normal,40,pool,standard,20,7\n`, ', line 2, field "name": missing (this column is required)'],
    ['a duplicate code', `${header}\nbench,Bench,parks,normal,40,pool,standard,20,7\nbench,Seat,parks,normal,40,pool,standard,20,7\n`, ', line 3, field "code": duplicate code "bench" (line 2 has it too)'],
    ['a bad code', `${header}\nBench Seat,Bench,parks,normal,40,pool,standard,20,7\n`, ', line 2, field "code": "Bench Seat" is not a code: use lower-case letters, digits and hyphens (e.g. fly-tipping)'],
    ['an unknown column', `${header},colour\nbench,Bench,parks,normal,40,pool,standard,20,7,red\n`, ', line 1: unknown column(s) "colour"; expected some of:'],
    ['a missing column', 'code,name\nbench,Bench\n', ', line 1, field "serviceArea": the header has no "serviceArea", "defaultPriority", "slaHours", "dispatchMode", "redaction", "duplicateRadius", "duplicateWindowDays" columns'],
  ])('names the line and field of %s', async (_name, content, expected) => {
    const path = folder.write('bad.csv', content);
    expect(await importProblem(() => readTaskTypeFile(path))).toContain(`${path}${expected}`);
  });

  it('names the line of a bad entry in JSON', async () => {
    const path = folder.write('bad.json', '[\n  {"code": "a", "name": "A", "serviceArea": "parks", "defaultPriority": "low", "slaHours": 8, "dispatchMode": "pool", "redaction": "standard", "duplicateRadius": 0, "duplicateWindowDays": 0},\n  {"code": "b", "name": "B", "serviceArea": "parks", "defaultPriority": "soon", "slaHours": 8, "dispatchMode": "pool", "redaction": "standard", "duplicateRadius": 0, "duplicateWindowDays": 0}\n]\n');
    expect(await importProblem(() => readTaskTypeFile(path))).toBe(`${path}, line 3, field "defaultPriority": "soon" is not one of: urgent, high, normal, low`);
  });

  it('checks Open311 questions as FixMyStreet would read them, naming the line and column', async () => {
    const header = 'code,name,service_area,default_priority,sla_hours,dispatch_mode,redaction,duplicate_radius,duplicate_window_days,open311_attributes';
    const good = `bench,Bench,parks,normal,40,pool,standard,0,0,"[{""code"":""seat"",""datatype"":""singlevaluelist"",""description"":""Which part?"",""values"":[{""key"":""slat"",""name"":""A slat""}]}]"`;
    const bad = `bin,Bin,street_care,normal,24,pool,standard,0,0,"[{""code"":""size"",""datatype"":""singlevaluelist"",""description"":""How big?""}]"`;
    const [bench] = await readTaskTypeFile(folder.write('good.csv', `${header}\n${good}\n`));
    expect(JSON.parse(String(bench.open311Attributes))[0].code).toBe('seat');
    const path = folder.write('bad-questions.csv', `${header}\n${good}\n${bad}\n`);
    expect(await importProblem(() => readTaskTypeFile(path))).toBe(`${path}, line 3, field "open311_attributes": Task type bin: open311Attributes attribute 1 (size): a singlevaluelist needs values [{key, name}]`);
  });

  it('refuses other file kinds', async () => {
    await expect(readTaskTypeFile('types.xlsx')).rejects.toThrow('types.xlsx: task types are read from a .csv or .json file');
  });
});
