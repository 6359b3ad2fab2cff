/**
 * End to end against the service as `npm start` runs it (`wardline serve`, the built CLI, in its
 * own process, on the demo council): FixMyStreet-style XML traffic (service list, definition,
 * POST with attributes, token follow-up, update fetch and post) and a JSON client, then the
 * resident pages. Task types for the batch service are loaded with `wardline import task-types`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { CLI, runCli, workspace } from '../cli/cli-harness';
import { readReference } from './open311-harness';
import { itemsOf, parseXml, type Tree } from './wire-check';

let space: ReturnType<typeof workspace>;
let server: ChildProcess;
let base: string;
let key: string;

const freePort = () => new Promise<number>((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address() as AddressInfo;
    probe.close(() => resolve(port));
  });
});

beforeAll(async () => {
  space = workspace();
  expect(space.run('demo', '--reports', '5').code).toBe(0);
  const flytip = JSON.parse(readReference('fixtures/service-definition-FLYTIP.json')) as { attributes: unknown[] };
  const file = space.file('open311-types.json', JSON.stringify([
    { code: 'fly-tipping-fms', name: 'Fly-tipping (FixMyStreet)', serviceArea: 'street_care', defaultPriority: 'normal', slaHours: 16, dispatchMode: 'pool', redaction: 'standard', duplicateRadius: 0, duplicateWindowDays: 0, open311Code: 'FLYTIP', open311Group: 'Street cleansing', open311Attributes: JSON.stringify(flytip.attributes) },
    { code: 'bench-fms', name: 'Damaged bench', serviceArea: 'parks', defaultPriority: 'normal', slaHours: 40, dispatchMode: 'pool', redaction: 'standard', duplicateRadius: 0, duplicateWindowDays: 0, open311Code: 'BENCH', open311Type: 'batch', open311Group: 'Parks and open spaces' },
  ]));
  const imported = space.run('import', 'task-types', file);
  expect(imported.stderr).toBe('');
  const added = space.run('open311', 'keys', 'add', 'fixmystreet');
  key = added.stdout.trim();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [CLI, '--db', space.db, 'serve', '--no-demo', '--port', String(port)], {
    cwd: space.dir, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', WARDLINE_LOG_LEVEL: 'warn', WARDLINE_MEDIA_DIR: `${space.dir}/media` }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (let i = 0; i < 100; i += 1) {
    if (await fetch(`${base}/healthz`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('wardline serve did not start');
}, 120_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  space?.cleanup();
});

const form = (fields: Record<string, string | string[]>): string => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
  return params.toString();
};
const postForm = (path: string, body: string) => fetch(`${base}/open311/v2/${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });

it('FixMyStreet-style XML and a JSON client work against wardline serve', async () => {
  const services = itemsOf('xml', await (await fetch(`${base}/open311/v2/services.xml`)).text(), 'service');
  expect(services.map((s) => s.service_code)).toEqual(expect.arrayContaining(['FLYTIP', 'BENCH', 'WL-STR-001']));
  const definition = parseXml(await (await fetch(`${base}/open311/v2/services/FLYTIP.xml`)).text());
  expect(((definition.content.attributes as Tree).attribute as Tree[]).map((a) => a.code)).toContain('waste_type');
  // The shipped catalogue's own questions (scripts/data/task-types.csv), as FixMyStreet reads them.
  const shipped = parseXml(await (await fetch(`${base}/open311/v2/services/WL-STR-001.xml`)).text());
  expect(((shipped.content.attributes as Tree).attribute as Tree[]).map((a) => `${a.code}:${a.datatype}:${a.required}`)).toEqual(['waste_type:singlevaluelist:false', 'amount:singlevaluelist:false', 'blocking:singlevaluelist:false']);

  // A point inside the demo council: where one of its jobs is.
  const [existing] = JSON.parse(await (await fetch(`${base}/open311/v2/requests.json`)).text()) as Tree[];
  const where = { lat: String(existing?.lat), long: String(existing?.long) };
  const created = await postForm('requests.xml', form({
    api_key: key, service_code: 'FLYTIP', ...where, description: 'Mattress and bags dumped by the garages', first_name: 'Jo', last_name: 'Bloggs', email: 'jo@example.com',
    'attribute[waste_type]': 'furniture', 'attribute[size]': '', 'attribute[evidence]': ['names', 'vehicle'], 'attribute[fixmystreet_id]': '7654321', 'attribute[uprn]': '10004950123',
  }));
  expect(created.status).toBe(200);
  const reference = String(itemsOf('xml', await created.text(), 'request')[0]?.service_request_id);
  expect(reference).toMatch(/^WL-\d{2}-\d{6}$/);

  const batch = await postForm('requests.xml', form({ api_key: key, service_code: 'BENCH', ...where, description: 'Bench slats broken' }));
  const token = String(itemsOf('xml', await batch.text(), 'request')[0]?.token);
  const followUp = itemsOf('xml', await (await fetch(`${base}/open311/v2/tokens/${token}.xml`)).text(), 'request')[0];
  expect(followUp).toMatchObject({ token, service_request_id: expect.stringMatching(/^WL-/) });

  const one = itemsOf('xml', await (await fetch(`${base}/open311/v2/requests/${reference}.xml`)).text(), 'request')[0];
  expect(one).toMatchObject({ service_request_id: reference, status: 'open', service_code: 'FLYTIP', description: 'Mattress and bags dumped by the garages' });

  const updates = await fetch(`${base}/open311/v2/servicerequestupdates.xml?api_key=${encodeURIComponent(key)}`);
  expect(updates.status).toBe(200);
  expect(parseXml(await updates.text()).root).toBe('service_request_updates');
  const comment = await postForm('servicerequestupdates.xml', form({ api_key: key, service_request_id: reference, update_id: '555001', status: 'OPEN', updated_datetime: new Date().toISOString(), description: 'Still there this morning.', first_name: 'Jo', last_name: 'Bloggs' }));
  expect(comment.status).toBe(200);
  expect(itemsOf('xml', await comment.text(), 'request_update')[0]?.update_id).toEqual(expect.any(String));
  expect((await postForm('servicerequestupdates.xml', form({ api_key: key, service_request_id: reference, update_id: '555001', status: 'OPEN', updated_datetime: new Date().toISOString(), description: 'Still there this morning.' }))).status).toBe(400);

  const json = await fetch(`${base}/open311/v2/requests.json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ api_key: key, service_code: 'WL-STR-003', lat: Number(where.lat), long: Number(where.long), description: 'Tag on the wall' }) });
  expect(json.status).toBe(200);
  const [jsonRequest] = (await json.json()) as { service_request_id: string }[];
  const back = (await (await fetch(`${base}/open311/v2/requests/${jsonRequest?.service_request_id}.json`)).json()) as Tree[];
  expect(back[0]).toMatchObject({ service_request_id: jsonRequest?.service_request_id, status: 'open', lat: Number(where.lat) });
  expect(typeof back[0]?.lat).toBe('number');

  expect((await fetch(`${base}/report`)).status).toBe(200);
  const status = await fetch(`${base}/status/${reference}`);
  expect(status.status).toBe(200);
  expect(await status.text()).not.toContain('jo@example.com');
  expect(runCli(['--db', space.db, 'tasks', 'show', reference]).stdout).toContain('Answers from the reporter');
}, 120_000);
