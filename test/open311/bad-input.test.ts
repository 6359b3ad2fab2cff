/**
 * Bad input at the Open311 endpoint: each answered in the spec's error format with a message a
 * council developer can act on, nothing stored, and no stack trace.
 */
import { createHash } from 'node:crypto';
import { API_KEY, post, startHarness, type Harness } from './open311-harness';
import { parseXml, type Tree } from './wire-check';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness.close());

const count = async () => (await harness.store.listTasks({})).total;
const url = (format = 'xml') => `${harness.url}/open311/v2/requests.${format}`;
const good = `api_key=${API_KEY}&service_code=GRAF&lat=51.8895&long=0.8975&description=Tag`;

async function expectRefused(answer: { status: number; text: string }, status: number, message: string | RegExp, format: 'xml' | 'json' = 'xml') {
  expect(answer.status).toBe(status);
  const errors = format === 'xml' ? ((parseXml(answer.text).content.error as Tree[]) ?? []) : (JSON.parse(answer.text) as Tree[]);
  expect(errors.length).toBeGreaterThan(0);
  const text = errors.map((e) => String(e.description)).join(' | ');
  if (typeof message === 'string') expect(text).toContain(message);
  else expect(text).toMatch(message);
  expect(answer.text).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
}

describe('Open311 bad input', () => {
  it.each([
    ['a malformed form body (bad percent escapes are kept as text; still no service)', 'api_key=test-key-123&service_code=%ZZ', 404, 'service_code "%ZZ" is not offered here'],
    ['out-of-area coordinates', `api_key=${API_KEY}&service_code=GRAF&lat=53.4808&long=-2.2426&description=Tag`, 400, "lat 53.4808, long -2.2426 is outside the council's area"],
    ['coordinates that are not numbers', `api_key=${API_KEY}&service_code=GRAF&lat=north&long=0.9`, 400, 'lat "north" is not a number'],
    ['a latitude beyond 90', `api_key=${API_KEY}&service_code=GRAF&lat=91&long=0.9`, 400, 'lat "91" is not a number from -90 to 90'],
    ['an easting off the grid', `api_key=${API_KEY}&service_code=GRAF&attribute%5Beasting%5D=900000&attribute%5Bnorthing%5D=225186`, 400, 'is not a British National Grid reference'],
    ['an unknown service code', `api_key=${API_KEY}&service_code=BADGER&lat=51.88&long=0.9`, 404, 'service_code "BADGER" is not offered here: GET services.xml lists the codes.'],
    ['a required attribute missing and a bad email, together', `api_key=${API_KEY}&service_code=FLYTIP&lat=51.88&long=0.9&email=not-an-email`, 400, /email "not-an-email" is not an email address\. \| attribute\[waste_type\] is required for service_code FLYTIP\./],
    ['a description over 4,000 characters', `api_key=${API_KEY}&service_code=GRAF&lat=51.88&long=0.9&description=${'x'.repeat(4001)}`, 400, 'description is 4001 characters long; the most allowed is 4000.'],
    ['a media_url that is not a web address', `${good}&media_url=javascript:alert(1)`, 400, 'media_url "javascript:alert(1)" is not an http(s) address.'],
  ])('%s', async (_name, body, status, message) => {
    const before = await count();
    await expectRefused(await post(url(), body), status, message);
    expect(await count()).toBe(before);
  });

  it('invalid UTF-8 after percent-decoding is refused, not replaced', async () => {
    const before = await count();
    await expectRefused(await post(url(), `${good}%C3%28`), 400, 'field "description" is not valid UTF-8 text');
    expect(await count()).toBe(before);
  });

  it('XML where JSON is claimed, and a JSON body that is not an object', async () => {
    const before = await count();
    await expectRefused(await post(url('json'), '<request><service_code>GRAF</service_code></request>', 'application/json'), 400, 'Content-Type says JSON but the body is not JSON (it looks like XML)', 'json');
    await expectRefused(await post(url('json'), '[1,2]', 'application/json'), 400, 'A JSON body must be one object of fields', 'json');
    await expectRefused(await post(url(), '<request/>', 'text/xml'), 415, 'Content-Type text/xml is not accepted');
    expect(await count()).toBe(before);
  });

  it('a JSON object body is accepted (with attributes as an object)', async () => {
    const answer = await post(url('json'), JSON.stringify({ api_key: API_KEY, service_code: 'FLYTIP', lat: 51.8871, long: 0.8981, description: 'Sofa', attribute: { waste_type: 'furniture', evidence: ['names'] } }), 'application/json');
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)[0].service_request_id).toMatch(/^WL-25-/);
  });

  it('oversized bodies and photos are refused (413) before anything is stored', async () => {
    const before = await count();
    await expectRefused(await post(url(), `${good}&padding=${'y'.repeat(70 * 1024)}`), 413, 'the most accepted is 65536 bytes');
    const form = new FormData();
    for (const [k, v] of new URLSearchParams(good)) form.set(k, v);
    form.set('photo1', new Blob([Buffer.alloc(11 * 1024 * 1024, 0xff)], { type: 'image/jpeg' }), 'big.jpeg');
    const big = await fetch(url(), { method: 'POST', body: form });
    await expectRefused({ status: big.status, text: await big.text() }, 413, 'A photo is over 10485760 bytes');
    const fake = new FormData();
    for (const [k, v] of new URLSearchParams(good)) fake.set(k, v);
    fake.set('photo1', new Blob(['not a photo at all'], { type: 'image/jpeg' }), 'fake.jpeg');
    const notPhoto = await fetch(url(), { method: 'POST', body: fake });
    await expectRefused({ status: notPhoto.status, text: await notPhoto.text() }, 400, 'is not a JPEG, PNG, GIF or WebP photo');
    expect(await count()).toBe(before);
  });

  it('a multipart POST with a real photo stores it and links it from the job', async () => {
    const form = new FormData();
    for (const [k, v] of new URLSearchParams(good)) form.set(k, v);
    form.set('photo1', new Blob([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46])], { type: 'image/jpeg' }), 'p.jpeg');
    const answer = await fetch(url('json'), { method: 'POST', body: form });
    expect(answer.status).toBe(200);
    const [{ service_request_id: reference }] = (await answer.json()) as { service_request_id: string }[];
    const task = await harness.store.getTaskByReference(reference);
    const photo = (await harness.store.getTimeline(task!.id)).find((e) => e.kind === 'photo');
    expect(photo?.attachmentUrl).toMatch(/^https:\/\/wardline\.colchester\.example\/media\/[0-9a-f-]{36}\.jpg$/);
  });

  it('a key over its limit is told to wait (429 with Retry-After)', async () => {
    await harness.store.importRows([{ table: 'apiKey', mode: 'insert', rows: [{ name: 'tiny', keyHash: createHash('sha256').update('tiny-key').digest('hex'), keyPrefix: 'tiny-key', active: true, requestsPerMinute: 2 }] }]);
    harness.setNow('2025-01-06T09:20:00Z');
    const send = () => fetch(`${harness.url}/open311/v2/requests.xml`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'api_key=tiny-key&service_code=NOPE' });
    expect((await send()).status).toBe(404);
    expect((await send()).status).toBe(404);
    const third = await send();
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe('60');
    expect(await third.text()).toContain('Too many requests for api_key tiny: at most 2 a minute.');
  });

  it('an unknown path under /open311/v2 and a wrong method are answered in the spec format', async () => {
    const wrong = await fetch(`${harness.url}/open311/v2/services.xml`, { method: 'POST' });
    expect(wrong.status).toBe(400);
    expect(wrong.headers.get('allow')).toBe('GET');
    const extension = await fetch(`${harness.url}/open311/v2/services.html`);
    expect(extension.status).toBe(404);
    expect(((parseXml(await extension.text()).content.error as Tree[])[0] as Tree).description).toBe('Bad extension ".html": this endpoint answers .xml and .json.');
  });
});

describe('paths the spec does not have', () => {
  it('are answered 404 in the spec format', async () => {
    const answer = await fetch(`${harness.url}/open311/v2/nothing/here.json`);
    expect(answer.status).toBe(404);
    expect(await answer.json()).toEqual([{ code: 404, description: 'Nothing is served at GET /open311/v2/nothing/here.json: GET discovery.xml lists the resources.' }]);
  });
});
