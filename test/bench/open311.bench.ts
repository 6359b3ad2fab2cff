/**
 * Open311 benchmark: POST requests.xml over loopback with autocannon against the real service
 * (Express, Open311 routes, core task service: validate, triage, duplicate check, job + timeline
 * + outbox in one SQLite transaction on a WAL file), printed beside the same server stack
 * answering a constant response on the same path in the same run (ratio). Target: at least
 * 1,000 reports a second with p99 under 50 ms on this 2-core machine. Prints figures only.
 *
 * Run: `npm run bench -- open311`, or `npx tsc -b && node -r @swc-node/register test/bench/open311.bench.ts`.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import pino from 'pino';
import { WardIndex, openSqliteStore, parseWardBoundary, readCouncilSettings } from '@wardline/core';
import { createOpen311Routes, startServer, type RouteModule } from '@wardline/bot';
import { hashKey } from '../../bot/src/open311/api-keys';
import { BENCH_BOT_APP_ID, print } from './bench-council';
import { SERVICE_NODE_FLAGS } from './service-node-flags';

const botRequire = createRequire(path.resolve(__dirname, '../../bot/package.json'));
const autocannon = botRequire('autocannon') as typeof import('autocannon');

const KEY = 'bench-key-0123456789';
const DURATION = 10;
const CONNECTIONS = 16;
const REFERENCE = path.resolve(__dirname, '../../../shared/reference');
// Teams set up, as in production (no log-channel rows).
const settings = readCouncilSettings({ WARDLINE_COUNCIL_NAME: 'Colchester City Council', WARDLINE_SERVICE_URL: 'https://wardline.colchester.example', WARDLINE_BOT_APP_ID: BENCH_BOT_APP_ID });
const logger = pino({ level: 'silent' });

interface Feature { properties: { cmwd11cd: string; cmwd11nm: string }; geometry: unknown }
const wards = (JSON.parse(readFileSync(path.join(REFERENCE, 'wards', 'E07000071.geojson'), 'utf8')) as { features: Feature[] }).features
  .map((f) => ({ id: f.properties.cmwd11cd, code: f.properties.cmwd11cd, name: f.properties.cmwd11nm, boundary: JSON.stringify(f.geometry), vintage: '2011' }));

const type = (code: string, open311Code: string) => ({ id: `tt-${code}`, code, name: code, open311Code, open311Group: 'Street cleansing', serviceArea: 'street_care', defaultPriority: 'normal', slaHours: 16, dispatchMode: 'pool', redaction: 'standard', duplicateRadius: 25, duplicateWindowDays: 14, active: true });
const codes = ['GRAF', 'LITTER', 'FLYPOST', 'GUM'];

let seed = 42;
const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
/** Points across central Colchester, kept only where a ward is (the clipped boundaries leave out the river), so every report is placed. */
const index = WardIndex.fromWards(wards.map((w) => ({ ...w, boundary: parseWardBoundary(w.boundary, w.code) })));
const points: string[] = [];
while (points.length < 5000) {
  const latitude = 51.875 + random() * 0.03;
  const longitude = 0.88 + random() * 0.04;
  if (index.wardAt({ latitude, longitude })) points.push(`lat=${latitude.toFixed(6)}&long=${longitude.toFixed(6)}`);
}
let next = 0;
const body = (): string => `api_key=${KEY}&service_code=${codes[Math.floor(random() * codes.length)]}&${points[(next += 1) % points.length]}&description=Reported+through+the+benchmark&email=resident%40example.com`;

async function run(url: string): Promise<{ rps: number; p50: number; p99: number; non2xx: number; total: number }> {
  const result = await autocannon({
    url: `${url}/open311/v2/requests.xml`, method: 'POST', connections: CONNECTIONS, duration: DURATION,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    requests: [{ method: 'POST', setupRequest: (request) => ({ ...request, body: body() }) }],
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, total: result.requests.total };
}

const constantRoutes: RouteModule = {
  name: 'constant',
  mount(app) {
    const answer = '<?xml version="1.0" encoding="utf-8"?>\n<service_requests>\n  <request>\n    <service_request_id>WL-25-000001</service_request_id>\n  </request>\n</service_requests>';
    app.post('/open311/v2/requests.xml', (_request, response) => void response.type('text/xml; charset=utf-8').send(answer));
  },
};

/** Child process: opens the store and serves one kind of answer, printing its URL (the load generator runs in the parent, on the other core). */
async function serve(kind: 'constant' | 'wardline', file: string, mediaDir: string): Promise<void> {
  const store = openSqliteStore({ path: file });
  const routes = kind === 'constant' ? [constantRoutes] : [createOpen311Routes({ env: { WARDLINE_MEDIA_DIR: mediaDir } })];
  const server = await startServer({ port: 0, host: '127.0.0.1', store, settings, logger, routes, outbox: false });
  process.send?.({ url: server.url });
  let mark = process.cpuUsage();
  process.on('message', async (message) => {
    if (message === 'mark') {
      mark = process.cpuUsage();
      process.send?.({ marked: true });
      return;
    }
    const used = process.cpuUsage(mark);
    process.send?.({ cpuMs: (used.user + used.system) / 1000 });
    await server.close();
    process.exit(0);
  });
}

function child(kind: 'constant' | 'wardline', file: string, mediaDir: string): Promise<{ url: string; process: ChildProcess }> {
  const running = fork(__filename, ['--serve', kind, file, mediaDir], { execArgv: [...SERVICE_NODE_FLAGS, '-r', '@swc-node/register'] });
  return new Promise((resolve, reject) => {
    running.once('message', (message) => resolve({ url: (message as { url: string }).url, process: running }));
    running.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
}

/** Starts counting the server's CPU time. */
const markCpu = (running: { process: ChildProcess }) => new Promise<void>((resolve) => {
  running.process.once('message', () => resolve());
  running.process.send('mark');
});

/** Stops the server; resolves with the CPU milliseconds it used since the mark. */
const stop = (running: { process: ChildProcess }) => new Promise<number>((resolve) => {
  let cpuMs = 0;
  running.process.removeAllListeners('exit');
  running.process.on('message', (message) => (cpuMs = (message as { cpuMs?: number }).cpuMs ?? cpuMs));
  running.process.once('exit', () => resolve(cpuMs));
  running.process.send('stop');
});

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'wardline-open311-bench-'));
  try {
    const file = path.join(dir, 'wardline.db');
    const store = openSqliteStore({ path: file });
    await store.importRows([
      { table: 'taskType', mode: 'insert', rows: codes.map((c) => type(c.toLowerCase(), c)) },
      { table: 'ward', mode: 'insert', rows: wards },
      { table: 'apiKey', mode: 'insert', rows: [{ name: 'bench', keyHash: hashKey(KEY), keyPrefix: KEY.slice(0, 10), active: true, requestsPerMinute: 100000 }] },
    ]);
    await store.close();
    const mediaDir = path.join(dir, 'media');

    const constant = await child('constant', file, mediaDir);
    await markCpu(constant);
    const base = await run(constant.url);
    const baseCpu = await stop(constant);

    const wardline = await child('wardline', file, mediaDir);
    // Warm up (JIT, the task service's indexes, SQLite's cache) before measuring.
    await autocannon({ url: `${wardline.url}/open311/v2/requests.xml`, method: 'POST', connections: 4, amount: 300, headers: { 'content-type': 'application/x-www-form-urlencoded' }, requests: [{ method: 'POST', setupRequest: (r) => ({ ...r, body: body() }) }] });
    await markCpu(wardline);
    const real = await run(wardline.url);
    const realCpu = await stop(wardline);

    const check = openSqliteStore({ path: file });
    const stored = (await check.listTasks({ limit: 1 })).total;
    await check.close();
    console.log(`Open311 POST requests.xml, ${CONNECTIONS} connections for ${DURATION} s each; server in its own process, load generator in this one; Colchester's 27 real wards, SQLite WAL file, outbox dispatcher off`);
    print('constant answer (same Express stack): requests/s', base.rps.toFixed(0));
    print('constant answer: p50 / p99 latency (ms)', `${base.p50} / ${base.p99}`);
    print('Wardline Open311 intake: reports/s', real.rps.toFixed(0));
    print('Wardline Open311 intake: p50 / p99 latency (ms)', `${real.p50} / ${real.p99}`);
    print('non-2xx answers (must be 0)', String(real.non2xx));
    print('jobs stored (new jobs; the rest joined open jobs as duplicates)', `${stored} from ${real.total + 300} reports`);
    print('ratio: Wardline reports/s ÷ constant requests/s', (real.rps / base.rps).toFixed(3));
    // CPU time per request does not depend on what else the machine is running, unlike the rates above.
    print('server CPU per request: constant / Wardline report (ms)', `${(baseCpu / base.total).toFixed(3)} / ${(realCpu / real.total).toFixed(3)}`);
    print('reports/s one core could take at that CPU cost', (1000 / (realCpu / real.total)).toFixed(0));
    print('load average while measuring (2 cores)', loadavg().map((l) => l.toFixed(1)).join(', '));
    print('target: ≥ 1,000 reports/s and p99 < 50 ms', real.rps >= 1000 && real.p99 < 50 ? 'met' : 'NOT met');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const serveAt = process.argv.indexOf('--serve');
(serveAt > 0 ? serve(process.argv[serveAt + 1] as 'constant' | 'wardline', process.argv[serveAt + 2] as string, process.argv[serveAt + 3] as string) : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
