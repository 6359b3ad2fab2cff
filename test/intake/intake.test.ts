/**
 * /api/intake/:source with the shipped source definitions (bot/intake-sources), real HMAC
 * signatures and the real task service and store: mapping, idempotence, the bin sensor's one job
 * per full bin, signature and replay refusals, and bad input with nothing stored.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { systemActor, readCouncilSettings } from '@wardline/core';
import { createIntakeRoutes } from '../../bot/src/intake/intake-routes';
import { DEFAULT_SOURCES_DIR, loadIntakeSources } from '../../bot/src/intake/load-sources';
import { sign } from '../../bot/src/intake/signature';
import { sharedTaskService } from '../../bot/src/intake/shared-task-service';
import { startHarness, type Harness } from '../open311/open311-harness';

const SECRETS = {
  WARDLINE_INTAKE_SECRET_FIRMSTEP: 'firmstep-shared-secret-0001',
  WARDLINE_INTAKE_SECRET_WORDPRESS: 'wordpress-shared-secret-0002',
  WARDLINE_INTAKE_SECRET_POWERPAGES: 'powerpages-shared-secret-0003',
  WARDLINE_INTAKE_SECRET_BIN_SENSOR: 'bin-sensor-shared-secret-0004',
};
const NOW = '2025-01-06T09:14:03Z';
const sources = loadIntakeSources(DEFAULT_SOURCES_DIR);
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ now: NOW, env: SECRETS, routes: () => [createIntakeRoutes({ env: SECRETS })] });
  const type = (code: string, name: string) => ({ id: `tt-${code}`, code, name, serviceArea: 'street_care', defaultPriority: 'normal', slaHours: 16, dispatchMode: 'pool', redaction: 'standard', duplicateRadius: 0, duplicateWindowDays: 0, active: true });
  await harness.store.importRows([
    { table: 'taskType', mode: 'insert', rows: [type('litter-bin-overflowing', 'Overflowing litter bin'), type('fly-tipping-hazardous', 'Fly-tipping: hazardous waste'), type('needles', 'Needles and drug litter')] },
    { table: 'asset', mode: 'insert', rows: [{ id: 'asset-lb42', name: 'Litter bin LB-0042', assetType: 'litter bin', externalId: 'LB-0042', latitude: 51.88945, longitude: 0.89765 }] },
  ]);
});
afterAll(async () => harness.close());

const unix = () => String(Math.floor(new Date(NOW).getTime() / 1000));
async function send(source: string, body: string | Buffer, options: { type?: string; timestamp?: string; signature?: string | null; secret?: string } = {}) {
  const definition = sources.get(source);
  const raw = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  const timestamp = options.timestamp ?? unix();
  const headers: Record<string, string> = { 'content-type': options.type ?? 'application/json' };
  if (definition) {
    headers[definition.signature.timestampHeader] = timestamp;
    const secret = options.secret ?? SECRETS[definition.signature.secretVariable as keyof typeof SECRETS];
    if (options.signature !== null) headers[definition.signature.header] = options.signature ?? sign(definition, secret, timestamp, raw);
  }
  const response = await fetch(`${harness.url}/api/intake/${source}`, { method: 'POST', headers, body: raw });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}
const count = async () => (await harness.store.listTasks({})).total;

const firmstep = (reference: string, over: Record<string, unknown> = {}) => JSON.stringify({
  caseReference: reference, submittedAt: '2025-01-06T09:10:00Z',
  data: {
    issueType: { value: 'Fly-tipping' }, issueDetails: { value: 'Sofa and bags dumped in the lay-by' },
    location: { lat: 51.8891, lng: 0.9012, address: 'Lay-by, Mersea Road, Colchester CO2 7QS', uprn: '10004950123', usrn: '21701234' },
    firstName: { value: 'Jo' }, lastName: { value: 'Bloggs' }, email: { value: 'jo.bloggs@example.com' }, phone: { value: '07700900123' }, ...over,
  },
});

describe('source definitions', () => {
  it('loads the four shipped examples', () => {
    expect([...sources.keys()].sort()).toEqual(['bin-sensor', 'firmstep', 'powerpages', 'wordpress']);
  });

  it.each([
    ['not JSON', '{ "source": ', /bad\.json, \$: is not valid JSON/],
    ['no signature', JSON.stringify({ source: 'x', fields: {} }), /bad\.json, signature: is required: every source is signed/],
    ['an unknown job field', JSON.stringify({ source: 'x', signature: { header: 'h', secretVariable: 'S', timestampHeader: 't' }, fields: { colour: 'a' } }), /bad\.json, fields\.colour: is not a job field/],
    ['a bad name', JSON.stringify({ source: 'Has Spaces', fields: {} }), /bad\.json, source: "Has Spaces" must be 1 to 50 lower-case/],
    ['no location', JSON.stringify({ source: 'x', signature: { header: 'h', secretVariable: 'S', timestampHeader: 't' }, fields: { taskType: { value: 'graffiti' }, externalReference: 'id' } }), /bad\.json, fields: needs a location/],
    ['a sensor without its rule', JSON.stringify({ source: 'x', channel: 'sensor', signature: { header: 'h', secretVariable: 'S', timestampHeader: 't' }, fields: { taskType: { value: 'graffiti' }, externalReference: 'id', assetExternalId: 'a' } }), /bad\.json, sensor: is required for a sensor source/],
  ])('refuses a definition with %s, naming the file and field', (_name, text, message) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wardline-sources-'));
    writeFileSync(path.join(dir, 'bad.json'), text);
    try {
      expect(() => loadIntakeSources(dir)).toThrow(message);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('web forms', () => {
  it('Firmstep: maps the case to a job with the reporter subscribed; the same case again is the same job', async () => {
    const first = await send('firmstep', firmstep('FS-2025-0001'));
    expect(first).toMatchObject({ status: 201, body: { outcome: 'created', reference: expect.stringMatching(/^WL-25-/), statusUrl: expect.stringContaining('/status/WL-25-') } });
    const task = await harness.store.getTaskByReference(first.body.reference as string);
    expect(task).toMatchObject({ sourceChannel: 'webform', externalReference: 'firmstep:FS-2025-0001', description: 'Sofa and bags dumped in the lay-by', uprn: '10004950123', usrn: '21701234', reporterName: 'Jo Bloggs', reporterEmail: 'jo.bloggs@example.com', reportedOn: '2025-01-06T09:10:00.000Z', address: 'Lay-by, Mersea Road, Colchester CO2 7QS' });
    expect(await harness.store.listSubscriptions({ taskId: task!.id })).toEqual([expect.objectContaining({ channel: 'email', contact: 'jo.bloggs@example.com' })]);
    const again = await send('firmstep', firmstep('FS-2025-0001'), { timestamp: String(Number(unix()) + 1) });
    expect(again).toMatchObject({ status: 200, body: { outcome: 'already-received', reference: first.body.reference } });
  });

  it('WordPress: a form-encoded entry with fields by number, "lat,long" in one field and the name in two parts', async () => {
    const body = new URLSearchParams({ entry_id: '812', form_id: '4', 1: 'Graffiti', 2: 'Tag on the underpass wall', '3.3': 'Sam', '3.6': 'Resident', 4: 'Underpass, St Botolph\'s', 5: '51.8858, 0.9031', 6: 'sam@example.com', 7: '' }).toString();
    const result = await send('wordpress', body, { type: 'application/x-www-form-urlencoded' });
    expect(result.status).toBe(201);
    expect(await harness.store.getTaskByReference(result.body.reference as string)).toMatchObject({ latitude: 51.8858, longitude: 0.9031, reporterName: 'Sam Resident', reporterEmail: 'sam@example.com', externalReference: 'wordpress:812' });
  });

  it('Power Pages: easting and northing (British National Grid) are converted', async () => {
    const body = JSON.stringify({ activityid: 'b1d2c3e4-0000-4000-8000-000000000001', subject: 'Needles by the play area', description: 'Three needles under the bench', 'cr4f1_category@OData.Community.Display.V1.FormattedValue': 'Needles or drug litter', cr4f1_easting: 599773, cr4f1_northing: 225186, customer: { fullname: 'Alex Parent', emailaddress1: 'alex@example.com' }, createdon: '2025-01-06T09:00:00Z' });
    const result = await send('powerpages', body);
    expect(result.status).toBe(201);
    const task = await harness.store.getTaskByReference(result.body.reference as string);
    expect(task?.latitude).toBeCloseTo(51.8894, 3);
    expect(task?.longitude).toBeCloseTo(0.9017, 3);
    expect(task?.title).toBe('Needles by the play area');
  });
});

describe('bin sensor', () => {
  const reading = (id: string, fill: number) => JSON.stringify({ device: { id: 'SN-77', assetId: 'LB-0042' }, reading: { id, fillPercent: fill, measuredAt: '2025-01-06T09:12:00Z' } });

  it('raises one job when the bin crosses the threshold, not one per reading, and a new one after it is emptied', async () => {
    const before = await count();
    expect(await send('bin-sensor', reading('r-1', 45))).toMatchObject({ status: 200, body: { outcome: 'below-threshold' } });
    const full = await send('bin-sensor', reading('r-2', 85));
    expect(full).toMatchObject({ status: 201, body: { outcome: 'created' } });
    const task = await harness.store.getTaskByReference(full.body.reference as string);
    expect(task).toMatchObject({ asset: 'asset-lb42', sourceChannel: 'sensor', description: 'Bin reported full by its fill-level sensor (fill level 85%)' });
    const together = await Promise.all([send('bin-sensor', reading('r-3', 90)), send('bin-sensor', reading('r-4', 95))]);
    expect(together.map((r) => r.body.outcome)).toEqual(['already-open', 'already-open']);
    expect(await count()).toBe(before + 1);

    const settings = readCouncilSettings({ WARDLINE_COUNCIL_NAME: 'Colchester City Council', WARDLINE_SERVICE_URL: 'https://wardline.colchester.example' });
    const tasks = await sharedTaskService({ store: harness.store, settings, clock: () => new Date(NOW) });
    await tasks.reload();
    await tasks.act(task!.id, { kind: 'cancel', reason: 'Emptied on the round' }, systemActor());
    expect(await send('bin-sensor', reading('r-5', 88))).toMatchObject({ status: 201, body: { outcome: 'created' } });
    expect(await count()).toBe(before + 2);
  });
});

describe('signatures and replays', () => {
  it('refuses unsigned, forged, stale and replayed posts, storing nothing', async () => {
    const before = await count();
    const body = firmstep('FS-2025-0100');
    expect(await send('firmstep', body, { signature: null })).toMatchObject({ status: 401, body: { code: 'WL-INTAKE-003' } });
    expect(await send('firmstep', body, { secret: 'not-the-secret' })).toMatchObject({ status: 401, body: { code: 'WL-INTAKE-004', message: expect.stringContaining('WARDLINE_INTAKE_SECRET_FIRMSTEP') } });
    expect(await send('firmstep', body, { timestamp: String(Number(unix()) - 301) })).toMatchObject({ status: 401, body: { code: 'WL-INTAKE-005' } });
    const stamp = String(Number(unix()) + 7);
    const elsewhere = firmstep('FS-2025-0101', { location: { lat: 51.8951, lng: 0.8899, address: 'Castle Park gates' } });
    const signature = sign(sources.get('firmstep')!, SECRETS.WARDLINE_INTAKE_SECRET_FIRMSTEP, stamp, Buffer.from(elsewhere));
    expect((await send('firmstep', elsewhere, { timestamp: stamp, signature })).status).toBe(201);
    expect(await send('firmstep', elsewhere, { timestamp: stamp, signature })).toMatchObject({ status: 409, body: { code: 'WL-INTAKE-006' } });
    expect(await count()).toBe(before + 1);
  });
});

describe('bad input: a clear error and nothing stored', () => {
  it.each([
    ['an unknown source', 'nowhere', '{}', {}, 404, 'No intake source "nowhere" is configured'],
    ['a body that is not JSON', 'firmstep', '{"caseReference": ', {}, 400, 'Content-Type says JSON but the body is not a JSON object'],
    ['XML where JSON is claimed', 'firmstep', '<case><ref>1</ref></case>', {}, 400, '(it looks like XML)'],
    ['an unknown content type', 'firmstep', 'ref=1', { type: 'text/plain' }, 415, 'Content-Type text/plain is not accepted'],
    ['a value the form table does not know', 'firmstep', firmstep('FS-9001', { issueType: { value: 'Pothole' } }), {}, 400, 'field data.issueType.value: "Pothole" is not one of Fly-tipping'],
    ['coordinates outside the council', 'firmstep', firmstep('FS-9002', { location: { lat: 53.48, lng: -2.24 } }), {}, 400, 'is outside every ward of the council'],
    ['coordinates that are not numbers', 'firmstep', firmstep('FS-9003', { location: { lat: 'north', lng: 0.9 } }), {}, 400, 'field latitude: "north" is not a number'],
    ['no description', 'firmstep', firmstep('FS-9004', { issueDetails: { value: '' } }), {}, 400, 'description: is required'],
    ['a description over 4,000 characters', 'firmstep', firmstep('FS-9005', { issueDetails: { value: 'x'.repeat(4001) } }), {}, 400, 'is 4001 characters long; the most allowed is 4000'],
    ['a sensor reading naming no known asset', 'bin-sensor', JSON.stringify({ device: { assetId: 'LB-9999' }, reading: { id: 'r-x', fillPercent: 99 } }), {}, 400, 'no asset has the id "LB-9999"'],
  ])('%s', async (_name, source, body, options, status, message) => {
    const before = await count();
    const result = await send(source, body, options);
    expect(result.status).toBe(status);
    expect(result.body.message).toContain(message);
    expect(result.body.message).not.toMatch(/\n\s+at /);
    expect(await count()).toBe(before);
  });

  it('refuses invalid UTF-8 and an oversized body', async () => {
    const before = await count();
    const invalid = Buffer.concat([Buffer.from('{"caseReference": "FS-1", "x": "'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    expect(await send('firmstep', invalid)).toMatchObject({ status: 400, body: { message: expect.stringContaining('not valid UTF-8') } });
    expect(await send('firmstep', firmstep('FS-9006', { padding: 'x'.repeat(300 * 1024) }))).toMatchObject({ status: 413, body: { code: 'WL-INTAKE-010' } });
    expect(await count()).toBe(before);
  });
});

describe('duplicates across intakes', () => {
  it('a second report near an open job of the same type joins it: count up, reporter subscribed, decision in the timeline', async () => {
    const first = await send('firmstep', firmstep('FS-2025-0200', { location: { lat: 51.8822, lng: 0.9102, address: 'Garages, Acacia Avenue' } }));
    const second = await send('firmstep', firmstep('FS-2025-0201', { location: { lat: 51.88225, lng: 0.91025, address: 'Garages, Acacia Avenue' }, email: { value: 'neighbour@example.com' } }));
    expect(second).toMatchObject({ status: 200, body: { outcome: 'added-to-existing-job', reference: first.body.reference } });
    const task = await harness.store.getTaskByReference(first.body.reference as string);
    expect(task?.reportCount).toBe(2);
    expect((await harness.store.listSubscriptions({ taskId: task!.id })).map((s) => s.contact).sort()).toEqual(['jo.bloggs@example.com', 'neighbour@example.com']);
    const timeline = await harness.store.getTimeline(task!.id);
    expect(timeline.find((e) => e.kind === 'triage' && e.summary === `Triage: duplicate of ${task!.reference}`)?.note).toContain('Duplicate of');
    expect(timeline.some((e) => e.kind === 'duplicate_report')).toBe(true);
  });
});
