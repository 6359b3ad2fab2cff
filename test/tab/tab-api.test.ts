import { readFileSync } from 'node:fs';
import { createServer, get as httpGet, type Server } from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import type { Officer, Task } from '@wardline/core';
import { readIdentityConfig } from '../../bot/src/identity';
import { dateLabel } from '../../bot/src/tab/job-json';
import { api, demoPeople, startTabHarness, type TabHarness } from './tab-harness';

type Page = { items: (Task & { overdue: boolean; reporterEmail?: string })[]; total: number; page: number; pageSize: number };
type SyncResults = { results: { clientId: string; outcome: string; message?: string }[] };

describe('tab API (development sign-in)', () => {
  let harness: TabHarness;
  let people: Awaited<ReturnType<typeof demoPeople>>;

  beforeAll(async () => {
    harness = await startTabHarness();
    people = await demoPeople(harness.store);
  });
  afterAll(() => harness.close());

  it('asks for a sign-in, naming what is missing', async () => {
    const response = await api(harness, undefined, '/me');
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: 'WL-ID-001' });
    expect(response.headers.get('www-authenticate')).toMatch(/Bearer/);
    expect((await api(harness, 'not-a-token', '/me')).body).toMatchObject({ code: 'WL-ID-002' });
  });

  it('shows a councillor only the cases in their wards, without reporter contact or internal notes', async () => {
    const { councillor, members } = people;
    const token = await harness.tokenFor(councillor);
    const wards = members.filter((m) => m.councillor === councillor.id).map((m) => m.ward);
    const me = await api<{ wards: { id: string }[]; person: { role: string } }>(harness, token, '/me');
    expect(me.body.person.role).toBe('councillor');
    expect(me.body.wards.map((w) => w.id).sort()).toEqual([...wards].sort());
    const list = await api<Page>(harness, token, '/jobs?pageSize=100');
    expect(list.status).toBe(200);
    expect(list.body.total).toBeGreaterThan(0);
    for (const job of list.body.items) {
      expect(wards).toContain(job.ward);
      expect(job).not.toHaveProperty('reporterEmail');
      expect(job).not.toHaveProperty('reporterPhone');
    }
    const all = await harness.store.listTasks({ wardIds: wards });
    expect(list.body.total).toBe(all.total);
    const elsewhere = (await harness.store.listTasks({ limit: 1000 })).items.find((t) => t.ward && !wards.includes(t.ward)) as Task;
    const refused = await api(harness, token, `/jobs/${elsewhere.reference}`);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'WL-TAB-001', message: `Job ${elsewhere.reference} is not in your wards, teams or jobs.` });
    const mine = list.body.items[0];
    const detail = await api<{ timeline: { visibility: string }[]; job: Record<string, unknown> }>(harness, token, `/jobs/${mine.reference}`);
    expect(detail.body.timeline.length).toBeGreaterThan(0);
    expect(detail.body.timeline.every((e) => e.visibility !== 'internal')).toBe(true);
    expect(detail.body.job.hidden).toEqual(expect.arrayContaining(['reporterName', 'reporterEmail', 'reporterPhone']));
  });

  it('answers 304 to a request that already has the current ETag', async () => {
    const token = await harness.tokenFor(people.councillor);
    const first = await api(harness, token, '/jobs?page=1');
    const etag = first.headers.get('etag') as string;
    expect(etag).toMatch(/^".+"$/);
    const again = await fetch(`${harness.url}/api/tab/jobs?page=1`, { headers: { authorization: `Bearer ${token}`, 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it("writes each listed case's report date out in the council's time zone", async () => {
    const token = await harness.tokenFor(people.councillor);
    const listed = await api<{ items: { reference: string; reportedOn: string; reportedOnLabel: string }[] }>(harness, token, '/jobs?page=1&pageSize=5');
    expect(listed.body.items.length).toBeGreaterThan(0);
    for (const item of listed.body.items) expect(item.reportedOnLabel).toBe(dateLabel(item.reportedOn, 'Europe/London'));
    // Late on 30 June in UTC is already 1 July in British Summer Time.
    expect(dateLabel('2026-06-30T23:30:00Z', 'Europe/London')).toBe('1 Jul 2026');
    expect(dateLabel('2026-06-30T23:30:00Z', 'UTC')).toBe('30 Jun 2026');
    expect(dateLabel('2026-12-31T23:30:00Z', 'Europe/London')).toBe('31 Dec 2026');
  });

  it('filters and pages, and names a bad filter', async () => {
    const token = await harness.tokenFor(people.councillor);
    const open = await api<Page>(harness, token, '/jobs?status=open&pageSize=5&page=1');
    expect(open.body.items.length).toBeLessThanOrEqual(5);
    expect(open.body.items.every((j) => ['new', 'assigned', 'accepted', 'in_progress', 'on_hold'].includes(j.status))).toBe(true);
    const overdue = await api<Page>(harness, token, '/jobs?overdue=1&pageSize=100');
    expect(overdue.body.items.every((j) => j.overdue)).toBe(true);
    const bad = await api(harness, token, '/jobs?status=finished');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'WL-TAB-002' });
    expect(String((bad.body as { message: string }).message)).toMatch(/status: "finished" is not open, closed or one of/);
  });

  it('applies queued officer changes in order, once, and reports a reassignment plainly', async () => {
    const officer = people.byRole('officer').find((o) => o.teams) as Officer;
    const [job] = (await harness.store.listTasks({ assignedOfficer: officer.id, statuses: ['assigned', 'accepted'], limit: 1 })).items;
    let target = job;
    if (!target) {
      const [spare] = (await harness.store.listTasks({ assignedTeam: officer.teams?.split(',')[0], statuses: ['new'], limit: 1 })).items;
      target = spare;
    }
    expect(target).toBeDefined();
    const supervisor = people.byRole('supervisor').find((s) => (s.teams ?? '').toLowerCase().includes((target.assignedTeam ?? '').toLowerCase())) as Officer;
    const supervisorToken = await harness.tokenFor(supervisor);
    if (target.assignedOfficer !== officer.id) {
      const given = await api(harness, supervisorToken, `/jobs/${target.reference}/actions`, { method: 'POST', body: JSON.stringify({ expectedRowVersion: target.rowVersion, action: { kind: 'reassign', officerId: officer.id, reason: 'test' } }) });
      expect(given.status).toBe(200);
    }
    const token = await harness.tokenFor(officer);
    const changes = [
      { clientId: 'aaaaaaaa-0000-4000-8000-000000000001', occurredOn: '2026-03-09T08:00:00Z', reference: target.reference, action: { kind: 'start' } },
      { clientId: 'aaaaaaaa-0000-4000-8000-000000000002', occurredOn: '2026-03-09T08:30:00Z', reference: target.reference, action: { kind: 'note', text: 'Bagged and removed', visibility: 'internal' } },
    ];
    const first = await api<SyncResults>(harness, token, '/sync', { method: 'POST', body: JSON.stringify({ changes }) });
    expect(first.body.results.map((r) => r.outcome)).toEqual(['applied', 'applied']);
    const again = await api<SyncResults>(harness, token, '/sync', { method: 'POST', body: JSON.stringify({ changes }) });
    expect(again.body.results.map((r) => r.outcome)).toEqual(['already-applied', 'already-applied']);
    const timeline = await harness.store.getTimeline(target.id);
    expect(timeline.filter((e) => e.clientId === changes[1].clientId)).toHaveLength(1);
    expect(timeline.find((e) => e.clientId === changes[0].clientId)?.occurredOn).toBe('2026-03-09T08:00:00.000Z');

    const other = people.byRole('officer').find((o) => o.id !== officer.id && o.teams === officer.teams) as Officer;
    const current = (await harness.store.getTask(target.id)) as Task;
    await api(harness, supervisorToken, `/jobs/${target.reference}/actions`, { method: 'POST', body: JSON.stringify({ expectedRowVersion: current.rowVersion, action: { kind: 'reassign', officerId: other.id, reason: 'cover' } }) });
    const late = await api<SyncResults>(harness, token, '/sync', { method: 'POST', body: JSON.stringify({ changes: [{ clientId: 'aaaaaaaa-0000-4000-8000-000000000003', reference: target.reference, action: { kind: 'complete', publicNote: 'Cleared' } }] }) });
    expect(late.body.results[0]).toMatchObject({ outcome: 'conflict', message: `Job ${target.reference} was reassigned to ${other.name} meanwhile, so your complete was not applied. It has gone from your list.` });
  });

  it('lets an officer merge a job they hold into the job it duplicates, handing over its reports', async () => {
    const withTeams = people.byRole('officer').filter((o) => o.teams);
    let held: Task | undefined;
    let officer: Officer | undefined;
    for (const candidate of withTeams.slice(1)) {
      [held] = (await harness.store.listTasks({ assignedOfficer: candidate.id, statuses: ['assigned', 'accepted', 'in_progress'], limit: 1 })).items;
      if (held) {
        officer = candidate;
        break;
      }
    }
    expect(held && officer).toBeDefined();
    const source = held as Task;
    const [target] = (await harness.store.listTasks({ statuses: ['new', 'assigned', 'accepted', 'in_progress'], limit: 50 })).items.filter((t) => t.id !== source.id);
    const token = await harness.tokenFor(officer as Officer);
    const detail = await api<{ actions: string[] }>(harness, token, `/jobs/${source.reference}`);
    expect(detail.body.actions).toContain('merge');
    const merged = await api<SyncResults>(harness, token, '/sync', { method: 'POST', body: JSON.stringify({ changes: [{ clientId: 'cccccccc-0000-4000-8000-000000000001', reference: source.reference, action: { kind: 'merge', intoReference: target.reference, reason: 'Same mattress' } }] }) });
    expect(merged.body.results[0]).toMatchObject({ outcome: 'applied' });
    expect(await harness.store.getTask(source.id)).toMatchObject({ status: 'merged', duplicateOf: target.id });
    const after = (await harness.store.getTask(target.id)) as Task;
    expect(after.reportCount).toBe(target.reportCount + source.reportCount);
    expect((await harness.store.getTimeline(target.id)).some((e) => e.kind === 'merged' && e.note === 'Same mattress')).toBe(true);
  });

  it('adds a photo once per device id and serves it back', async () => {
    const officer = people.byRole('officer').find((o) => o.teams) as Officer;
    const [held] = (await harness.store.listTasks({ assignedOfficer: officer.id, statuses: ['assigned', 'accepted', 'in_progress', 'on_hold'], limit: 1 })).items;
    expect(held).toBeDefined();
    const token = await harness.tokenFor(officer);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
    const send = () => fetch(`${harness.url}/api/tab/jobs/${held.reference}/photos?clientId=bbbbbbbb-0000-4000-8000-000000000001&occurredOn=2026-03-09T07:00:00Z&note=Before`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png' }, body: png });
    const first = await send();
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ outcome: 'applied' });
    expect(await (await send()).json()).toMatchObject({ outcome: 'already-applied' });
    const photos = (await harness.store.getTimeline(held.id)).filter((e) => e.kind === 'photo');
    expect(photos).toHaveLength(1);
    expect(photos[0]).toMatchObject({ note: 'Before', occurredOn: '2026-03-09T07:00:00.000Z', attachmentType: 'image/png' });
    const served = await fetch(`${harness.url}${new URL(photos[0].attachmentUrl as string).pathname}`);
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
    const notImage = await fetch(`${harness.url}/api/tab/jobs/${held.reference}/photos`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png' }, body: Buffer.from('not a photo') });
    expect(notImage.status).toBe(400);
    expect(await notImage.json()).toMatchObject({ code: 'WL-INTAKE-030' });
  });

  it('refuses a supervisor change made on an old version, saying what changed', async () => {
    const supervisor = people.byRole('supervisor')[0];
    const token = await harness.tokenFor(supervisor);
    const team = supervisor.teams?.split(',')[0] as string;
    const [job] = (await harness.store.listTasks({ assignedTeam: team, statuses: ['new', 'assigned'], limit: 1 })).items;
    const stale = await api(harness, token, `/jobs/${job.reference}/actions`, { method: 'POST', body: JSON.stringify({ expectedRowVersion: job.rowVersion - 1 || 99, action: { kind: 'reprioritise', priority: 'high', reason: 'test' } }) });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ outcome: 'conflict', code: 'WL-STORE-010' });
    const board = await api<{ unassigned: unknown[]; officers: { jobs: unknown[] }[]; counts: { open: number } }>(harness, token, '/board');
    expect(board.status).toBe(200);
    expect(board.body.counts.open).toBeGreaterThan(0);
  });

  it("gives a ward's figures: open, overdue, median days to complete by type, hotspots", async () => {
    const token = await harness.tokenFor(people.councillor);
    const me = await api<{ wards: { id: string }[] }>(harness, token, '/me');
    const figures = await api<{ open: number; overdue: number; medianDaysByType: { medianDays: number }[]; hotspots: unknown[] }>(harness, token, `/wards/${me.body.wards[0].id}/figures`);
    expect(figures.status).toBe(200);
    const open = await harness.store.listTasks({ wardIds: [me.body.wards[0].id], statuses: ['new', 'assigned', 'accepted', 'in_progress', 'on_hold'], limit: 0 });
    expect(figures.body.open).toBe(open.total);
    expect(Array.isArray(figures.body.hotspots)).toBe(true);
    const refused = await api(harness, await harness.tokenFor(people.byRole('officer')[0]), `/wards/not-a-ward/figures`);
    expect(refused.status).toBe(403);
  });

  it('lets a councillor raise and follow a case, marked as councillor-raised', async () => {
    const token = await harness.tokenFor(people.councillor);
    const me = await api<{ wards: { id: string }[]; taskTypes: { code: string }[] }>(harness, token, '/me');
    const [ward] = (await harness.store.listWards()).filter((w) => w.id === me.body.wards[0].id);
    const ring = (JSON.parse(ward.boundary) as { type: string; coordinates: number[][][] | number[][][][] });
    const first = (ring.type === 'Polygon' ? (ring.coordinates as number[][][])[0] : (ring.coordinates as number[][][][])[0][0]);
    const centre = first.reduce((s, p) => [s[0] + p[0] / first.length, s[1] + p[1] / first.length], [0, 0]);
    const raised = await api<{ job: { reference: string; councillorRaised: boolean; ward: string } }>(harness, token, '/jobs', { method: 'POST', body: JSON.stringify({ taskTypeCode: me.body.taskTypes[0].code, description: 'Raised by the councillor in a test', latitude: centre[1], longitude: centre[0], clientId: 'cccccccc-0000-4000-8000-000000000001' }) });
    if (raised.status === 201) {
      expect(raised.body.job.councillorRaised).toBe(true);
      const mine = await api<Page>(harness, token, '/jobs?raisedByMe=1');
      expect(mine.body.items.map((j) => j.reference)).toContain(raised.body.job.reference);
    } else {
      // The centre of a ring can fall outside a concave ward: the error names the point.
      expect(raised.body).toMatchObject({ code: expect.stringMatching(/^WL-CORE-00[13]$/) });
    }
    const bad = await api(harness, token, '/jobs', { method: 'POST', body: JSON.stringify({ taskTypeCode: me.body.taskTypes[0].code, description: '', latitude: 'x', longitude: 0 }) });
    expect(bad.status).toBe(400);
  });

  it("sends the app's scripts compressed at build time to a browser that accepts it, and plain otherwise", async () => {
    const page = await (await fetch(`${harness.url}/tab/`)).text();
    const script = /<script type="module" src="\/tab\/(assets\/main-[^"]+\.js)"/.exec(page)?.[1] as string;
    expect(script).toBeDefined();
    const plain = readFileSync(path.resolve(__dirname, '../../tab/dist', script));
    // Raw HTTP: fetch would decode the body itself and hide what was sent.
    const raw = (acceptEncoding: string) => new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
      httpGet(`${harness.url}/tab/${script}`, { headers: { 'accept-encoding': acceptEncoding } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk)).on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) })).on('error', reject);
      }).on('error', reject);
    });
    const br = await raw('gzip, deflate, br');
    expect(br.headers).toMatchObject({ 'content-encoding': 'br', vary: 'Accept-Encoding', 'cache-control': 'public, max-age=31536000, immutable' });
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.body.length).toBeLessThan(plain.length / 3);
    expect(brotliDecompressSync(br.body).equals(plain)).toBe(true);
    const gzip = await raw('gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(plain)).toBe(true);
    for (const none of ['identity', 'br;q=0, gzip;q=0']) {
      const sent = await raw(none);
      expect(sent.headers['content-encoding']).toBeUndefined();
      expect(sent.body.equals(plain)).toBe(true);
    }
  });
});

describe('tab API (Entra ID single sign-on)', () => {
  const tenant = '11111111-2222-4333-8444-555555555555';
  const appId = '99999999-8888-4777-8666-555555555555';
  let harness: TabHarness;
  let jwks: Server;
  let privateKey: CryptoKey;
  let person: Officer;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
    jwks = createServer((_req, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/keys`;
    harness = await startTabHarness({
      reports: 40,
      // From the service's settings, as `npm start` reads them.
      identity: readIdentityConfig({ WARDLINE_TAB_APP_ID: appId, WARDLINE_TAB_TENANT_ID: tenant, WARDLINE_TAB_APP_ID_URI: `api://localhost/${appId}`, WARDLINE_TAB_JWKS_URL: jwksUrl, WARDLINE_SERVICE_URL: 'https://wardline.council.example' }),
    });
    person = (await demoPeople(harness.store)).councillor;
  });
  afterAll(async () => {
    await harness.close();
    await new Promise((resolve) => jwks.close(resolve));
  });

  const sign = (claims: Record<string, unknown>, options: { audience?: string; issuer?: string; expires?: number } = {}) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ tid: tenant, oid: person.entraObjectId, name: person.name, ...claims }).setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setAudience(options.audience ?? appId).setIssuer(options.issuer ?? `https://login.microsoftonline.com/${tenant}/v2.0`)
      .setIssuedAt(now - 60).setExpirationTime(options.expires ?? now + 3600).sign(privateKey);
  };

  it('accepts a token signed by the tenant keys for this app, and maps the person', async () => {
    const response = await api<{ person: { id: string; role: string } }>(harness, await sign({}), '/me');
    expect(response.status).toBe(200);
    expect(response.body.person).toMatchObject({ id: person.id, role: 'councillor' });
  });

  it('refuses wrong audience, issuer, tenant, expired and unknown people with clear messages', async () => {
    expect((await api(harness, await sign({}, { audience: 'someone-else' }), '/me')).body).toMatchObject({ code: 'WL-ID-002', message: expect.stringMatching(/aud claim/) });
    expect((await api(harness, await sign({}, { issuer: 'https://evil.example/' }), '/me')).body).toMatchObject({ code: 'WL-ID-002', message: expect.stringMatching(/iss claim/) });
    expect((await api(harness, await sign({}, { expires: Math.floor(Date.now() / 1000) - 600 }), '/me')).body).toMatchObject({ code: 'WL-ID-002', message: expect.stringMatching(/expired/) });
    const otherTenant = await api(harness, await sign({ tid: '00000000-0000-4000-8000-000000000000' }), '/me');
    expect(otherTenant).toMatchObject({ status: 401, body: { code: 'WL-ID-003' } });
    const stranger = await api(harness, await sign({ oid: 'abababab-0000-4000-8000-000000000000' }), '/me');
    expect(stranger).toMatchObject({ status: 403, body: { code: 'WL-ID-004' } });
    const forged = await generateKeyPair('RS256');
    const now = Math.floor(Date.now() / 1000);
    const forgedToken = await new SignJWT({ tid: tenant, oid: person.entraObjectId }).setProtectedHeader({ alg: 'RS256', kid: 'test-key' }).setAudience(appId)
      .setIssuer(`https://login.microsoftonline.com/${tenant}/v2.0`).setExpirationTime(now + 600).sign(forged.privateKey);
    expect((await api(harness, forgedToken, '/me')).body).toMatchObject({ code: 'WL-ID-002', message: expect.stringMatching(/signature/) });
  });

  it('has no development sign-in when an Entra app is configured', async () => {
    const config = await api(harness, undefined, '/auth-config');
    // What the page needs to sign in outside Teams with MSAL: the same API scope Teams' token carries.
    expect(config.body).toEqual({
      mode: 'entra', appId, tenantId: tenant, authority: `https://login.microsoftonline.com/${tenant}/v2.0`,
      scope: `api://localhost/${appId}/access_as_user`, redirectUri: 'https://wardline.council.example/tab/',
    });
    const response = await api(harness, undefined, '/dev/sign-in', { method: 'POST', body: JSON.stringify({ personId: person.id }) });
    expect(response).toMatchObject({ status: 404, body: { code: 'WL-ID-006' } });
    expect((await api(harness, undefined, '/dev/people')).status).toBe(404);
  });
});
