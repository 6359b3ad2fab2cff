/**
 * Residents' messages through the real outbox dispatcher and the Notify channel (the official
 * notifications-node-client), against a loopback Notify that enforces the JWT and strict-body
 * rules and checks every request against Notify's OpenAPI description.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jwt from 'jsonwebtoken';
import pino from 'pino';
import { Writable } from 'node:stream';
import { createDispatcher, openSqliteStore, openTaskService, readCouncilSettings, systemActor, type CouncilSettings, type SqliteStore, type TaskService } from '@wardline/core';
import { createNotifyChannel, NotifyApi, notifyApiFor, parseNotifyKey, PLACEHOLDERS } from '../../bot/src/notify';
import { colchesterWards, open311TaskTypes } from '../open311/open311-harness';
import { API_KEY, SERVICE_ID, startNotifyLoopback, type NotifyLoopback } from './notify-loopback';

const T = { raisedEmail: '0b6f1a4e-1c1e-4d7e-9a43-1f0d8f6d2a01', raisedSms: '0b6f1a4e-1c1e-4d7e-9a43-1f0d8f6d2a02', completedEmail: '0b6f1a4e-1c1e-4d7e-9a43-1f0d8f6d2a03' };
let dir: string;
let store: SqliteStore;
let tasks: TaskService;
let notify: NotifyLoopback;
let settings: CouncilSettings;
let now: Date;
const logLines: string[] = [];
const logger = pino({ level: 'info' }, new Writable({ write(chunk, _e, done) { logLines.push(String(chunk)); done(); } }));

beforeEach(async () => {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'], now: new Date('2025-01-06T09:14:03Z') });
  now = new Date('2025-01-06T09:14:03Z');
  dir = mkdtempSync(path.join(tmpdir(), 'wardline-notify-'));
  store = openSqliteStore({ path: path.join(dir, 'wardline.db'), clock: () => now });
  await store.importRows([{ table: 'taskType', mode: 'insert', rows: open311TaskTypes() }, { table: 'ward', mode: 'insert', rows: colchesterWards() }]);
  notify = await startNotifyLoopback();
  [T.raisedEmail, T.raisedSms, T.completedEmail].forEach((t) => notify.templates.add(t));
  settings = readCouncilSettings({
    WARDLINE_COUNCIL_NAME: 'Colchester City Council', WARDLINE_SERVICE_URL: 'https://wardline.colchester.example', WARDLINE_NOTIFY_API_KEY: API_KEY,
    WARDLINE_NOTIFY_TEMPLATES: JSON.stringify({ raised: { email: T.raisedEmail, sms: T.raisedSms }, completed: { email: T.completedEmail } }),
  });
  tasks = await openTaskService({ store, settings, clock: () => now });
  logLines.length = 0;
});
afterEach(async () => {
  jest.useRealTimers();
  await notify.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const channel = () => createNotifyChannel({ store, settings, logger, api: new NotifyApi(parseNotifyKey(API_KEY), notify.url) });
const dispatcher = () => createDispatcher({ store, channels: [channel()], clock: () => now, backoff: () => 1000, log: () => undefined });
const report = (reporter: { email?: string; phone?: string }) =>
  tasks.report({ taskTypeCode: 'graffiti', description: 'Tag on the bus shelter', latitude: 51.8895, longitude: 0.8975, address: 'Bus shelter, High Street, Colchester CO1 1AA', source: 'open311', reporter: { name: 'Jo Bloggs', ...reporter } });
const notifyRows = async () => store.listOutbox({ channel: 'notify' });

describe('Notify channel', () => {
  it('sends the received email with the job in its personalisation and the outbox event as its reference', async () => {
    const { task } = await report({ email: 'jo.bloggs@example.com' });
    expect(await dispatcher().runOnce()).toMatchObject({ delivered: 1, retried: 0, dead: 0 });
    const [post] = notify.requests.filter((r) => r.method === 'POST');
    expect(post).toMatchObject({ path: '/v2/notifications/email', status: 201, claims: { iss: SERVICE_ID, iat: Math.floor(now.getTime() / 1000) } });
    const [row] = await notifyRows();
    expect(post?.body).toEqual({
      email_address: 'jo.bloggs@example.com', template_id: T.raisedEmail, reference: `${task.id}/${row?.id}`,
      personalisation: {
        council_name: 'Colchester City Council', reference: task.reference, job_title: 'Graffiti at Bus shelter, High Street, Colchester CO1 1AA', task_type: 'Graffiti',
        address: 'Bus shelter, High Street, Colchester CO1 1AA', due_date: 'Tuesday 7 January 2025', status_url: `https://wardline.colchester.example/status/${task.reference}`, public_note: '',
      },
    });
    expect(Object.keys((post?.body as { personalisation: object }).personalisation).sort()).toEqual([...PLACEHOLDERS].sort());
    expect(row?.status).toBe('delivered');
  });

  it('sends a text message when the resident gave only a phone number', async () => {
    await report({ phone: '07700900123' });
    await dispatcher().runOnce();
    expect(notify.requests.filter((r) => r.method === 'POST')).toEqual([expect.objectContaining({ path: '/v2/notifications/sms', status: 201, body: expect.objectContaining({ phone_number: '07700900123', template_id: T.raisedSms }) })]);
  });

  it('retries after 429 and 5xx with backoff, and sends once', async () => {
    notify.faults.push({ status: 429 }, { status: 503 });
    await report({ email: 'jo.bloggs@example.com' });
    const run = dispatcher();
    expect(await run.runOnce()).toMatchObject({ retried: 1 });
    expect((await notifyRows())[0]).toMatchObject({ status: 'pending', lastError: expect.stringContaining('GOV.UK Notify answered 429') });
    now = new Date(now.getTime() + 2000);
    expect(await run.runOnce()).toMatchObject({ retried: 1 });
    now = new Date(now.getTime() + 2000);
    expect(await run.runOnce()).toMatchObject({ delivered: 1 });
    expect(notify.sent).toHaveLength(1);
    expect(notify.requests.filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([429, 503, 201]);
    expect(new Set(notify.requests.filter((r) => r.method === 'POST').map((r) => r.body?.reference)).size).toBe(1);
  });

  it('never sends twice when Notify took the message but the answer was lost: the retry finds it by reference', async () => {
    notify.faults.push({ acceptThenDrop: true });
    await report({ email: 'jo.bloggs@example.com' });
    const run = dispatcher();
    expect(await run.runOnce()).toMatchObject({ retried: 1 });
    now = new Date(now.getTime() + 2000);
    expect(await run.runOnce()).toMatchObject({ delivered: 1 });
    expect(notify.sent).toHaveLength(1);
    const lookup = notify.requests.find((r) => r.method === 'GET');
    expect(lookup?.query).toEqual({ template_type: 'email', reference: notify.sent[0]?.reference });
  });

  it('parks a message Notify refuses (400) with Notify\'s own words, and one with no template configured', async () => {
    notify.templates.delete(T.raisedEmail);
    await report({ email: 'jo.bloggs@example.com' });
    expect(await dispatcher().runOnce()).toMatchObject({ dead: 1 });
    expect((await notifyRows())[0]?.lastError).toBe('GOV.UK Notify answered 400 to sendEmail: BadRequestError: Template not found');

    const { task } = await report({ email: 'pat@example.com' });
    const officer = { id: 'off-1', name: 'Sam', role: 'officer' as const };
    await store.importRows([{ table: 'officer', mode: 'insert', rows: [{ ...officer, entraObjectId: 'e-1', teams: 'Street care' }] }]);
    await tasks.reload();
    await tasks.act(task.id, { kind: 'assign', officer }, systemActor());
    await tasks.act(task.id, { kind: 'couldNotComplete', reason: 'On private land' }, systemActor());
    await dispatcher().runOnce();
    const refused = (await store.listOutbox({ taskId: task.id, channel: 'notify' })).find((e) => e.eventType === 'task.could_not_complete');
    expect(refused).toMatchObject({ status: 'dead', lastError: 'No GOV.UK Notify email template for "could_not_complete": add {"could_not_complete": {"email": "TEMPLATE-ID"}} to WARDLINE_NOTIFY_TEMPLATES.' });
  });

  it('sends the completed email with the officer\'s public note', async () => {
    const { task } = await report({ email: 'jo.bloggs@example.com' });
    const officer = { id: 'off-1', name: 'Sam', role: 'officer' as const };
    await store.importRows([{ table: 'officer', mode: 'insert', rows: [{ ...officer, entraObjectId: 'e-1', teams: 'Street care' }] }]);
    await tasks.reload();
    await tasks.act(task.id, { kind: 'assign', officer }, systemActor());
    await tasks.act(task.id, { kind: 'start' }, systemActor());
    await tasks.act(task.id, { kind: 'complete', publicNote: 'Graffiti removed and the shelter cleaned.' }, systemActor());
    await dispatcher().runOnce();
    const completed = notify.requests.find((r) => r.body?.template_id === T.completedEmail);
    expect((completed?.body as { personalisation: Record<string, string> }).personalisation.public_note).toBe('Graffiti removed and the shelter cleaned.');
  });

  it('with no key: sends nothing, says so in one log line, and never throws', async () => {
    const bare = readCouncilSettings({ WARDLINE_COUNCIL_NAME: 'Colchester City Council', WARDLINE_SERVICE_URL: 'https://wardline.colchester.example' });
    expect(notifyApiFor(bare, {}, logger)).toBeUndefined();
    const quiet = createNotifyChannel({ store, settings: bare, logger, api: undefined });
    await report({ email: 'jo.bloggs@example.com' });
    expect(await createDispatcher({ store, channels: [quiet], clock: () => now, log: () => undefined }).runOnce()).toMatchObject({ dead: 1 });
    expect(notify.requests).toHaveLength(0);
    expect(logLines.filter((l) => l.includes('WL-NOTIFY-004'))).toHaveLength(1);
    expect(JSON.parse(logLines[0] as string).msg).toBe('GOV.UK Notify is not configured (WARDLINE_NOTIFY_API_KEY is not set), so residents get no emails or texts.');
  });

  it('logs a malformed key with what to do and carries on without Notify', () => {
    const bad = readCouncilSettings({ WARDLINE_COUNCIL_NAME: 'C', WARDLINE_SERVICE_URL: 'https://x.example', WARDLINE_NOTIFY_API_KEY: 'not-a-key' });
    expect(notifyApiFor(bad, {}, logger)).toBeUndefined();
    expect(logLines.some((l) => l.includes('does not look like a GOV.UK Notify key'))).toBe(true);
  });
});

describe('Notify loopback (the contract it enforces)', () => {
  it('refuses a token signed with another secret, an old iat, and a body with a property Notify does not list', async () => {
    const post = (token: string, body: object) => fetch(`${notify.url}/v2/notifications/email`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const good = { email_address: 'a@example.com', template_id: T.raisedEmail };
    const wrongSecret = jwt.sign({ iss: SERVICE_ID, iat: Math.floor(Date.now() / 1000) }, 'another-secret', { algorithm: 'HS256' });
    expect((await post(wrongSecret, good)).status).toBe(403);
    const old = jwt.sign({ iss: SERVICE_ID, iat: Math.floor(Date.now() / 1000) - 31 }, '3d844edf-8d35-48ac-975b-e847b4f122b0', { algorithm: 'HS256' });
    expect(await (await post(old, good)).json()).toEqual({ status_code: 403, errors: [{ error: 'AuthError', message: 'Error: Your system clock must be accurate to within 30 seconds' }] });
    const fresh = jwt.sign({ iss: SERVICE_ID, iat: Math.floor(Date.now() / 1000) }, '3d844edf-8d35-48ac-975b-e847b4f122b0', { algorithm: 'HS256' });
    const extra = await post(fresh, { ...good, colour: 'blue' });
    expect(await extra.clone().text()).toContain('colour');
    expect(extra.status).toBe(400);
    expect(((await extra.json()) as { errors: { message: string }[] }).errors[0]?.message).toBe('Additional properties are not allowed (colour was unexpected)');
    expect((await post(fresh, good)).status).toBe(201);
  });
});
