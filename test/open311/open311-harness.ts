// Test-only: a real Wardline service (SQLite store, core task service, Open311 routes) on an
// ephemeral loopback port, seeded with Colchester's real ward boundaries and a task-type
// catalogue whose Open311 codes match the reference conformance cases.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { openSqliteStore, readCouncilSettings, type SqliteStore } from '@wardline/core';
import { startServer, type RunningServer } from '@wardline/bot';
import { createOpen311Routes, hashKey } from '../../bot/src/open311';
import { MediaStore } from '../../bot/src/intake/media-store';
import type { RouteModule } from '../../bot/src/server/route-module';

export const REFERENCE = path.resolve(__dirname, '../../../shared/reference');
export const OPEN311 = path.join(REFERENCE, 'open311');
export const readReference = (relative: string): string => readFileSync(path.join(OPEN311, relative), 'utf8');

/** The conformance cases' key and jurisdiction. */
export const API_KEY = 'test-key-123';
export const JURISDICTION = 'example.gov.uk';

interface WardFeature {
  properties: { cmwd11cd: string; cmwd11nm: string; lad11nm: string };
  geometry: unknown;
}

export function colchesterWards(): Record<string, unknown>[] {
  const collection = JSON.parse(readFileSync(path.join(REFERENCE, 'wards', 'E07000071.geojson'), 'utf8')) as { features: WardFeature[] };
  return collection.features.map((f) => ({ id: f.properties.cmwd11cd, code: f.properties.cmwd11cd, name: f.properties.cmwd11nm, council: f.properties.lad11nm, boundary: JSON.stringify(f.geometry), vintage: '2011' }));
}

const type = (over: Record<string, unknown>) => ({
  serviceArea: 'street_care', defaultPriority: 'normal', slaHours: 16, dispatchMode: 'pool', redaction: 'standard', duplicateRadius: 0, duplicateWindowDays: 0, active: true, ...over,
});

/** Task types offered through Open311: the reference's services, FLYTIP's questions from its fixture. */
export function open311TaskTypes(): Record<string, unknown>[] {
  const flytip = JSON.parse(readReference('fixtures/service-definition-FLYTIP.json')) as { attributes: unknown[] };
  return [
    type({ id: 'tt-flytip', code: 'fly-tipping', name: 'Fly-tipping', open311Code: 'FLYTIP', open311Group: 'Street cleansing', keywords: 'dumped rubbish, dumping, mattress, fridge', description: 'Rubbish dumped illegally on a street, verge, alley or other public land.', open311Attributes: JSON.stringify(flytip.attributes), duplicateRadius: 50, duplicateWindowDays: 30 }),
    type({ id: 'tt-graf', code: 'graffiti', name: 'Graffiti', open311Code: 'GRAF', open311Group: 'Street cleansing', keywords: 'tagging, vandalism' }),
    type({ id: 'tt-bin', code: 'overflowing-bin', name: 'Overflowing litter bin', open311Code: 'BIN_OVERFLOW', open311Group: 'Street cleansing|Parks and open spaces', keywords: 'litter bin, dog bin', duplicateRadius: 30, duplicateWindowDays: 3 }),
    type({ id: 'tt-bench', code: 'bench', name: 'Damaged bench or street furniture', open311Code: 'BENCH', open311Type: 'batch', open311Group: 'Parks and open spaces', serviceArea: 'parks' }),
    type({ id: 'tt-tree', code: 'tree', name: 'Tree problem', open311Code: 'TREE', open311Group: 'Trees', keywords: 'branch, fallen tree', serviceArea: 'arboriculture' }),
    type({ id: 'tt-survey', code: 'litter-survey', name: 'Litter survey comment', open311Code: 'SURVEY', open311Type: 'blackbox', open311Group: 'Street cleansing' }),
    type({ id: 'tt-internal', code: 'internal-only', name: 'Depot housekeeping' }),
  ];
}

export interface Harness {
  store: SqliteStore;
  server: RunningServer;
  url: string;
  dir: string;
  /** Moves the service's clock. */
  setNow(iso: string): void;
  close(): Promise<void>;
}

export async function startHarness(options: { env?: Record<string, string>; routes?: (media: MediaStore) => RouteModule[]; now?: string } = {}): Promise<Harness> {
  const dir = mkdtempSync(path.join(tmpdir(), 'wardline-open311-'));
  let now = new Date(options.now ?? '2025-01-06T09:14:03Z');
  const clock = () => now;
  const store = openSqliteStore({ path: path.join(dir, 'wardline.db'), clock });
  await store.importRows([
    { table: 'taskType', mode: 'insert', rows: open311TaskTypes() },
    { table: 'ward', mode: 'insert', rows: colchesterWards() },
    { table: 'apiKey', mode: 'insert', rows: [{ name: 'fixmystreet', keyHash: hashKey(API_KEY), keyPrefix: API_KEY.slice(0, 10), active: true }] },
  ]);
  const env = { WARDLINE_COUNCIL_NAME: 'Colchester City Council', WARDLINE_SERVICE_URL: 'https://wardline.colchester.example', WARDLINE_OPEN311_JURISDICTION: JURISDICTION, ...options.env };
  const settings = readCouncilSettings(env);
  const media = new MediaStore(path.join(dir, 'media'), settings.serviceUrl);
  const routes = options.routes ? options.routes(media) : [createOpen311Routes({ env, media, catalogueTtlMs: 0 })];
  const server = await startServer({ port: 0, host: '127.0.0.1', store, settings, clock, routes, outbox: false, logger: pino({ level: 'silent' }) });
  return {
    store, server, url: server.url, dir,
    setNow: (iso) => { now = new Date(iso); },
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A form body as FixMyStreet sends it, from a fixture file (comment lines dropped). */
export function fixtureBody(relative: string): string {
  return readReference(relative).split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#')).join('&');
}

/** One line of post-request.invalid.form.txt by its name. */
export function invalidBody(name: string): string {
  const line = readReference('fixtures/post-request.invalid.form.txt').split('\n').find((l) => l.startsWith(`${name}\t`));
  if (!line) throw new Error(`No invalid case ${name}`);
  return line.slice(name.length + 1);
}

export async function post(url: string, body: string, contentType = 'application/x-www-form-urlencoded; charset=utf-8'): Promise<{ status: number; type: string; text: string }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body });
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
}

export async function get(url: string): Promise<{ status: number; type: string; text: string }> {
  const response = await fetch(url);
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
}
