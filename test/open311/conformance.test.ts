/**
 * Every case in ../shared/reference/open311/conformance-cases.json, run against the real
 * service (SQLite store, core task service, Open311 routes) over loopback. Generic expectations
 * (status, content type, root, items, required fields, enums, schemas, fixtures) are checked for
 * every case; each case with a `rule` also has its own check below, and a case with a rule but no
 * check fails, so no case passes unexamined.
 */
import { sharedTaskService } from '../../bot/src/intake/shared-task-service';
import { actorFromOfficer, readCouncilSettings, systemActor } from '@wardline/core';
import { API_KEY, fixtureBody, get, invalidBody, post, readReference, startHarness, type Harness } from './open311-harness';
import { itemsOf, parseXml, pathValue, schemaErrors, shapeOf, valuesOfKey, type Tree } from './wire-check';

interface Case {
  id: string;
  source: string;
  method: string;
  path: string;
  query?: Record<string, string>;
  body?: string;
  note?: string;
  expect: {
    status?: number; content_type?: string; xml_root?: string; json_type?: string; item?: string;
    item_required?: string[]; item_required_one_of?: string[][]; required?: string[]; enum?: Record<string, string[]>;
    schema?: string; fixture?: string; rule?: string;
  };
}
interface Answer { status: number; type: string; text: string }

const { cases } = JSON.parse(readReference('conformance-cases.json')) as { cases: Case[] };
const state: Record<string, string> = {};
const errorAnswers: { format: 'xml' | 'json'; status: number; text: string }[] = [];
let harness: Harness;

const tree = (format: 'xml' | 'json', text: string): Tree => (format === 'json' ? { items: JSON.parse(text) as unknown } : parseXml(text).content);

/** Bodies for POST cases that name none: built from the case's rule. */
const ownBodies: Record<string, string> = {
  'post-batch-token': `api_key=${API_KEY}&service_code=BENCH&lat=51.8890&long=0.9010&description=Bench+slats+broken`,
  'post-blackbox': `api_key=${API_KEY}&service_code=SURVEY&lat=51.8890&long=0.9010&description=Plenty+of+bins+on+this+street`,
  'post-unknown-attribute': `api_key=${API_KEY}&service_code=TREE&lat=51.8865&long=0.8990&description=Branch+down&attribute%5Buprn%5D=10004950123&attribute%5Bleaf_colour%5D=green`,
  'post-repeated-media_url': `api_key=${API_KEY}&service_code=TREE&lat=51.8866&long=0.8991&description=Branch+down&media_url=https%3A%2F%2Fexample.org%2F1.jpeg&media_url=https%3A%2F%2Fexample.org%2F2.jpeg`,
  'post-utf8': `api_key=${API_KEY}&service_code=TREE&lat=51.8867&long=0.8992&description=${encodeURIComponent('Branch on the café roof — £50 of damage')}`,
  // The same update_id as upd-post, which has already been received.
  'upd-post-duplicate': fixtureBody('fixtures/post-update.fms-style.form.txt'),
  'post-content-type': `api_key=${API_KEY}&service_code=GRAF&lat=51.8868&long=0.8993&description=Tag+on+the+bus+shelter`,
};

function bodyFor(c: Case): string | undefined {
  if (ownBodies[c.id]) return ownBodies[c.id];
  if (!c.body) return undefined;
  const [file, name] = c.body.split('#');
  if (name) return invalidBody(name);
  if (file?.endsWith(' minus description')) return fixtureBody(file.replace(' minus description', '')).replace(/&description=[^&]*/, '');
  return fixtureBody(file as string);
}

/** Server-assigned ids replace the made-up ones in the cases. */
const substitute = (text: string): string =>
  text.replace(/CBC-2025-000123/g, state.realtime ?? 'CBC-2025-000123').replace(/CBC-2025-000101/g, state.other ?? 'CBC-2025-000101').replace(/369FBB0C-4755-11EC-96C0-F6CCC296753D/g, state.token ?? 'no-token');

async function call(c: Case, base = harness.url): Promise<Answer> {
  const query = new URLSearchParams(Object.entries(c.query ?? {}).map(([k, v]) => [k, substitute(v)])).toString();
  const url = `${base}/open311/v2${substitute(c.path)}${query ? `?${query}` : ''}`;
  const body = bodyFor(c);
  return c.method === 'POST' ? post(url, substitute(body ?? '')) : get(url);
}

function checkGeneric(c: Case, answer: Answer): void {
  const e = c.expect;
  const format: 'xml' | 'json' = c.path.endsWith('.json') ? 'json' : 'xml';
  if (e.status !== undefined) expect({ id: c.id, status: answer.status, body: answer.status === e.status ? '' : answer.text.slice(0, 400) }).toEqual({ id: c.id, status: e.status, body: '' });
  if (answer.status >= 400 && c.path !== '/services.html') errorAnswers.push({ format, status: answer.status, text: answer.text });
  if (e.content_type) expect(answer.type).toBe(e.content_type);
  if (e.xml_root) expect(parseXml(answer.text).root).toBe(e.xml_root);
  if (e.json_type) expect(Array.isArray(JSON.parse(answer.text)) ? 'array' : typeof JSON.parse(answer.text)).toBe(e.json_type);
  const items = answer.status < 300 || e.item ? itemsOf(format, answer.text, e.item) : [];
  for (const item of items) {
    for (const key of e.item_required ?? []) expect({ id: c.id, key, present: item[key] !== undefined }).toEqual({ id: c.id, key, present: true });
    if (e.item_required_one_of) expect(e.item_required_one_of.some((group) => group.every((key) => item[key] !== undefined && item[key] !== ''))).toBe(true);
  }
  for (const required of e.required ?? []) {
    const root = format === 'json' ? JSON.parse(answer.text) : parseXml(answer.text).content;
    expect({ id: c.id, required, present: pathValue(root, required) !== undefined }).toEqual({ id: c.id, required, present: true });
  }
  for (const [key, allowed] of Object.entries(e.enum ?? {})) {
    const found = valuesOfKey(tree(format, answer.text), key).map(String);
    for (const value of found) expect(allowed).toContain(value);
  }
  if (e.schema) expect(schemaErrors(e.schema, JSON.parse(answer.text))).toEqual([]);
  if (e.fixture) {
    const fixture = readReference(e.fixture);
    const ours = format === 'json' ? JSON.parse(answer.text) : parseXml(answer.text).content;
    const theirs = format === 'json' ? JSON.parse(fixture) : parseXml(fixture).content;
    if (c.id.startsWith('svc-def')) expect(ours).toEqual(theirs);
    else for (const shape of shapeOf(theirs)) if (!/^(.*\/)?(status_notes|service_notice|address_id|zipcode|media_url|external_status_code|fixmystreet_id|token|agency_responsible)$/.test(shape) || c.id === 'token-xml') expect({ id: c.id, shape, present: shapeOf(ours).has(shape) }).toEqual({ id: c.id, shape, present: true });
  }
}

const xmlItems = (answer: Answer, item: string): Tree[] => itemsOf('xml', answer.text, item);

/** Checks for the cases whose expectation is a rule in words. */
const rules: Record<string, (answer: Answer, c: Case) => Promise<void> | void> = {
  'svc-def-order': (a) => {
    const attributes = (parseXml(a.text).content.attributes as Tree).attribute as Tree[];
    const orders = attributes.map((x) => Number(x.order));
    expect(orders.every((o) => Number.isInteger(o) && o > 0)).toBe(true);
    expect(new Set(orders).size).toBe(orders.length);
    for (const x of attributes) expect(x.values !== undefined).toBe(/valuelist$/.test(String(x.datatype)));
    for (const x of attributes.filter((y) => y.values)) for (const v of (x.values as Tree).value as Tree[]) expect(Object.keys(v).sort()).toEqual(['key', 'name']);
  },
  'svc-def-fms-automated': (a) => {
    const attributes = (parseXml(a.text).content.attributes as Tree).attribute as Tree[];
    const automated = Object.fromEntries(attributes.filter((x) => x.automated).map((x) => [x.code, x.automated]));
    expect(automated).toEqual({ fixmystreet_id: 'server_set', easting: 'server_set', northing: 'server_set', usrn: 'hidden_field' });
  },
  'post-realtime-no-token': (a) => {
    const [request] = xmlItems(a, 'request');
    expect(request?.service_request_id).toMatch(/^WL-25-\d{6}$/);
    expect(request?.token).toBeUndefined();
  },
  'post-batch-token': async (a) => {
    const [request] = xmlItems(a, 'request');
    expect(request?.service_request_id).toBeUndefined();
    state.token = String(request?.token);
    const followUp = await get(`${harness.url}/open311/v2/tokens/${state.token}.xml`);
    expect(xmlItems(followUp, 'request')[0]?.service_request_id).toMatch(/^WL-25-\d{6}$/);
  },
  'post-blackbox': (a) => {
    const [request] = xmlItems(a, 'request');
    expect(request?.service_request_id).toBeUndefined();
    expect(request?.token).toBeUndefined();
    expect(request?.service_notice).toEqual(expect.any(String));
  },
  'post-blank-optional-singlevaluelist': (a) => expect(xmlItems(a, 'request')[0]?.service_request_id).toBe(state.realtime),
  'post-multivalue-repeated-key': async () => {
    const task = await harness.store.getTaskByReference(state.realtime as string);
    const answers = (await harness.store.getTimeline(task!.id)).find((e) => e.summary === 'Answers from the reporter');
    expect(answers?.note).toContain('Is there anything that might identify who dumped it?: Names or addresses on items, I saw a vehicle');
  },
  'post-multivalue-brackets': async (a) => {
    const task = await harness.store.getTaskByReference(String(xmlItems(a, 'request')[0]?.service_request_id));
    const answers = (await harness.store.getTimeline(task!.id)).find((e) => e.summary === 'Answers from the reporter');
    expect(answers?.note).toContain('Names or addresses on items, I saw the person');
  },
  'post-unknown-attribute': async (a) => {
    const task = await harness.store.getTaskByReference(String(xmlItems(a, 'request')[0]?.service_request_id));
    expect(task?.uprn).toBe('10004950123');
    expect((await harness.store.getTimeline(task!.id)).find((e) => e.summary.startsWith('Extra details'))?.note).toBe('leaf_colour');
  },
  'post-repeated-media_url': async (a) => {
    const task = await harness.store.getTaskByReference(String(xmlItems(a, 'request')[0]?.service_request_id));
    const photos = (await harness.store.getTimeline(task!.id)).filter((e) => e.kind === 'photo').map((e) => e.attachmentUrl).sort();
    expect(photos).toEqual(['https://example.org/1.jpeg', 'https://example.org/2.jpeg']);
  },
  'post-utf8': async (a) => {
    const id = String(xmlItems(a, 'request')[0]?.service_request_id);
    const back = await get(`${harness.url}/open311/v2/requests/${id}.xml`);
    expect(xmlItems(back, 'request')[0]?.description).toBe('Branch on the café roof — £50 of damage');
    const json = JSON.parse((await get(`${harness.url}/open311/v2/requests/${id}.json`)).text) as Tree[];
    expect(json[0]?.description).toBe('Branch on the café roof — £50 of damage');
  },
  'post-content-type': (a) => {
    expect(a.type).toBe('text/xml; charset=utf-8');
    expect(a.text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  },
  'reqs-default': (a) => expect(xmlItems(a, 'request').length).toBeGreaterThanOrEqual(5),
  'reqs-filter-ids': (a) => expect(xmlItems(a, 'request').map((r) => r.service_request_id).sort()).toEqual([state.realtime, state.other].sort()),
  'reqs-filter-code-status': (a) => {
    const items = xmlItems(a, 'request');
    expect(items.length).toBeGreaterThan(0);
    for (const r of items) {
      expect(['FLYTIP', 'GRAF']).toContain(r.service_code);
      expect(r.status).toBe('open');
    }
  },
  'reqs-date-range': async (a) => {
    expect(xmlItems(a, 'request').length).toBeGreaterThan(0);
    const tooLong = await get(`${harness.url}/open311/v2/requests.xml?start_date=2025-01-01T00:00:00Z&end_date=2025-06-01T00:00:00Z`);
    expect(tooLong.status).toBe(400);
    const before = await get(`${harness.url}/open311/v2/requests.xml?start_date=2024-10-01T00:00:00Z&end_date=2024-12-01T00:00:00Z`);
    expect(xmlItems(before, 'request')).toEqual([]);
  },
  'reqs-datetime-format': (a) => {
    for (const r of xmlItems(a, 'request')) for (const key of ['requested_datetime', 'updated_datetime', 'expected_datetime']) {
      if (r[key]) expect(r[key]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/);
    }
  },
  'reqs-empty': (a) => {
    expect(xmlItems(a, 'request')).toEqual([]);
    expect(parseXml(a.text).root).toBe('service_requests');
  },
  'reqs-fms-poll-window': async () => {
    harness.setNow('2025-01-06T09:30:00Z');
    const answer = await get(`${harness.url}/open311/v2/requests.xml?start_date=2025-01-06T08:30:00Z&end_date=2025-01-06T09:30:00Z`);
    const items = xmlItems(answer, 'request');
    expect(items.length).toBeGreaterThan(0);
    for (const r of items) for (const key of ['lat', 'long', 'service_code', 'description', 'requested_datetime', 'updated_datetime', 'status']) expect(r[key]).not.toBeUndefined();
  },
  'req-by-id': (a) => expect(xmlItems(a, 'request')).toHaveLength(1),
  'upd-get': () => undefined,
  'upd-get-statuses': (a) => expect(xmlItems(a, 'request_update').length).toBeGreaterThan(0),
  'upd-get-optional': (a) => {
    const updates = xmlItems(a, 'request_update');
    const fixed = updates.find((u) => u.status === 'fixed');
    expect(fixed).toMatchObject({ service_request_id: state.realtime, external_status_code: 'COMPLETED', fixmystreet_id: '1234567' });
    expect(new Set(updates.map((u) => u.update_id)).size).toBe(updates.length);
  },
  'upd-post': async (a) => {
    const id = String(xmlItems(a, 'request_update')[0]?.update_id);
    const task = await harness.store.getTaskByReference(state.realtime as string);
    const entry = (await harness.store.getTimeline(task!.id)).find((e) => e.id === id);
    expect(entry?.note).toContain('It has been moved but there is still a mattress there.');
    expect(entry?.visibility).toBe('councillor');
  },
  'upd-post-duplicate': async (a) => {
    expect(parseXml(a.text).root).toBe('errors');
    expect(a.text).toContain('already exists');
    const task = await harness.store.getTaskByReference(state.realtime as string);
    expect((await harness.store.getTimeline(task!.id)).filter((e) => e.clientId?.endsWith(':98765432'))).toHaveLength(1);
  },
  'err-shape-xml': async () => {
    const answer = await post(`${harness.url}/open311/v2/requests.xml`, `api_key=${API_KEY}&service_code=FLYTIP`);
    expect(answer.status).toBe(400);
    expect(parseXml(answer.text)).toEqual(parseXml(readReference('fixtures/errors.400.multi.xml')));
    for (const e of errorAnswers.filter((x) => x.format === 'xml')) {
      const { root, content } = parseXml(e.text);
      expect(root).toBe('errors');
      for (const error of content.error as Tree[]) expect(Object.keys(error).sort()).toEqual(['code', 'description']);
    }
  },
  'err-shape-json': async () => {
    const answer = await post(`${harness.url}/open311/v2/requests.json`, `api_key=${API_KEY}&service_code=FLYTIP`);
    expect(JSON.parse(answer.text)).toEqual(JSON.parse(readReference('fixtures/errors.400.multi.json')));
  },
  'err-status-map': async () => {
    expect((await get(`${harness.url}/open311/v2/requests/NOPE.json`)).status).toBe(404);
    expect((await get(`${harness.url}/open311/v2/tokens/nope.json`)).status).toBe(404);
    expect((await get(`${harness.url}/open311/v2/services.xml?jurisdiction_id=elsewhere`)).status).toBe(404);
    expect((await post(`${harness.url}/open311/v2/requests.json`, 'api_key=WRONG&service_code=TREE&lat=51.88&long=0.90')).status).toBe(403);
    expect((await get(`${harness.url}/open311/v2/requests.json?start_date=soon`)).status).toBe(400);
    expect(errorAnswers.every((e) => [400, 403, 404].includes(e.status))).toBe(true);
  },
};

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness.close());

/** Before the update cases, an officer finishes the FixMyStreet job, so there are updates to fetch. */
async function workTheJob(): Promise<void> {
  const settings = readCouncilSettings({ WARDLINE_COUNCIL_NAME: 'Colchester City Council', WARDLINE_SERVICE_URL: 'https://wardline.colchester.example' });
  const tasks = await sharedTaskService({ store: harness.store, settings, clock: () => new Date() });
  const officer = { id: 'off-sam', name: 'Sam Field', role: 'officer' as const, teams: 'Street care' };
  await harness.store.importRows([{ table: 'officer', mode: 'insert', rows: [{ ...officer, entraObjectId: 'entra-sam', onDuty: true }] }]);
  harness.setNow('2025-01-06T10:02:45Z');
  await tasks.act(state.realtime as string, { kind: 'assign', officer }, systemActor());
  harness.setNow('2025-01-06T10:30:00Z');
  await tasks.act(state.realtime as string, { kind: 'start' }, actorFromOfficer(officer));
  harness.setNow('2025-01-06T14:31:09Z');
  await tasks.act(state.realtime as string, { kind: 'complete', publicNote: 'Cleared. Two mattresses and six bags removed.' }, actorFromOfficer(officer));
  harness.setNow('2025-01-06T16:30:00Z');
}

describe('Open311 conformance cases (../shared/reference/open311)', () => {
  it('has 56 cases', () => expect(cases).toHaveLength(56));

  for (const c of cases) {
    it(`${c.id} (${c.source})`, async () => {
      if (c.id === 'upd-get') await workTheJob();
      if (c.id === 'reqs-filter-ids' && !state.other) {
        const other = await post(`${harness.url}/open311/v2/requests.xml`, `api_key=${API_KEY}&service_code=GRAF&lat=51.8895&long=0.8975&description=Tag`);
        state.other = String(xmlItems(other, 'request')[0]?.service_request_id);
      }
      if (c.method === '*') {
        await rules[c.id]?.({ status: 0, type: '', text: '' }, c);
        expect(rules[c.id]).toBeDefined();
        return;
      }
      let answer: Answer;
      if (c.id === 'svc-list-missing-jurisdiction') {
        // Only a multi-jurisdiction endpoint requires jurisdiction_id: run it against one.
        const multi = await startHarness({ env: { WARDLINE_OPEN311_JURISDICTION: 'example.gov.uk,tendring.example.gov.uk' } });
        try {
          answer = await call(c, multi.url);
          expect((await get(`${multi.url}/open311/v2/services.xml?jurisdiction_id=example.gov.uk`)).status).toBe(200);
        } finally {
          await multi.close();
        }
      } else if (c.id === 'reqs-empty') {
        // The case's premise is that nothing matches: earlier cases here reported trees, so ask a fresh service.
        const fresh = await startHarness();
        try {
          answer = await call(c, fresh.url);
        } finally {
          await fresh.close();
        }
      } else answer = await call(c);
      if (c.id === 'post-ok-latlong') state.realtime = String(xmlItems(answer, 'request')[0]?.service_request_id);
      checkGeneric(c, answer);
      if (c.expect.rule) {
        expect({ id: c.id, check: rules[c.id] ? 'written' : 'missing' }).toEqual({ id: c.id, check: 'written' });
        await rules[c.id]?.(answer, c);
      }
    });
  }
});
