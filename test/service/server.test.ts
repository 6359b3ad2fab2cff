import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { openSqliteStore, readCouncilSettings, type SqliteStore } from '@wardline/core';
import { createLogger, startServer, type RouteModule, type RunningServer } from '@wardline/bot';

const settings = readCouncilSettings({ WARDLINE_COUNCIL_NAME: 'Test Borough Council', WARDLINE_SERVICE_URL: 'http://localhost' });

/** Captures pino's JSON lines. */
function logSink(): { lines: Record<string, unknown>[]; stream: Writable } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, stream };
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A route that answers after a delay, to have a request in flight during shutdown. */
const slowRoutes: RouteModule = {
  name: 'slow',
  mount(app) {
    app.get('/slow', async (_request, response) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      response.json({ finished: true });
    });
  },
};

describe('the Wardline service', () => {
  let dir: string;
  let store: SqliteStore;
  let server: RunningServer | undefined;
  let logs: ReturnType<typeof logSink>;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wardline-service-'));
    store = openSqliteStore({ path: join(dir, 'wardline.db') });
    logs = logSink();
    server = await startServer({ port: 0, host: '127.0.0.1', store, settings, logger: createLogger({ destination: logs.stream }), routes: [slowRoutes] });
  });

  afterEach(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers /healthz with the store health as JSON', async () => {
    const answer = await get(`${server?.url}/healthz`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    const body = JSON.parse(answer.body);
    expect(body).toMatchObject({ status: 'ok', store: { ok: true, kind: 'sqlite', location: join(dir, 'wardline.db'), pendingOutbox: 0 } });
    expect(body.store.counts).toMatchObject({ task: 0, ward: 0 });
  });

  it('answers 503 when the store cannot be used', async () => {
    await store.close();
    const answer = await get(`${server?.url}/healthz`);
    expect(answer.status).toBe(503);
    expect(JSON.parse(answer.body)).toMatchObject({ status: 'unhealthy', store: { ok: false, kind: 'sqlite' } });
  });

  it('gives every request an id, echoes a caller\'s id, and logs each request as JSON', async () => {
    const mine = await get(`${server?.url}/healthz`, { 'X-Request-Id': 'abc-123' });
    expect(mine.headers['x-request-id']).toBe('abc-123');
    const made = await get(`${server?.url}/healthz`, { 'X-Request-Id': 'not ok; <script>' });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const line = logs.lines.find((l) => l.msg === 'request' && l.requestId === 'abc-123');
    expect(line).toMatchObject({ level: 30, service: 'wardline', method: 'GET', path: '/healthz', status: 200 });
  });

  it('answers unknown paths with a JSON 404', async () => {
    const answer = await get(`${server?.url}/nowhere?x=1`);
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'WL-SVC-404', message: 'Nothing is served at GET /nowhere.' });
  });

  it('shuts down gracefully: finishes the request in flight, refuses new ones, closes the store', async () => {
    const inFlight = get(`${server?.url}/slow`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closing = server?.close();
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ finished: true });
    await closing;
    await expect(get(`${server?.url}/healthz`)).rejects.toThrow(/ECONNREFUSED/);
    expect(store.db.open).toBe(false);
    expect(logs.lines.some((l) => l.msg === 'Wardline stopped')).toBe(true);
  });

  it('delivers outbox events through the log channel', async () => {
    await store.enqueue([{ name: 'Test event', eventType: 'task.raised', channel: 'log', recipient: 'log', payload: JSON.stringify({ hello: 'world' }), idempotencyKey: 'test-event-1' }]);
    for (let i = 0; i < 50 && !logs.lines.some((l) => l.msg === 'outbox event delivered (log channel)'); i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    const delivered = logs.lines.find((l) => l.msg === 'outbox event delivered (log channel)');
    expect(delivered).toMatchObject({ delivery: { idempotencyKey: 'test-event-1', eventType: 'task.raised', payload: { hello: 'world' } } });
    const [event] = await store.listOutbox({});
    expect(event.status).toBe('delivered');
  });
});
