import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import express from 'express';
import pino from 'pino';
import { createDispatcher, openSqliteStore, readCouncilSettings, type Officer, type SqliteStore } from '@wardline/core';
import { createTeamsRuntime, type TeamsRuntime } from '@wardline/bot/teams';
import { LoopbackConnector } from './loopback-connector';

const WARDS = resolve(__dirname, '../../../../shared/reference/wards/E07000071.geojson');
export const CASTLE = 'E36002735';
export const HIGH_STREET = { latitude: 51.8904, longitude: 0.9036 };
const T0 = '2026-03-02T09:00:00.000Z';

const stamp = { createdOn: T0, modifiedOn: T0 };
const person = (over: Partial<Officer> & Pick<Officer, 'id' | 'name'>): Partial<Officer> => ({
  email: `${over.id}@council.example`, entraObjectId: `aad-${over.id}`, role: 'officer', teams: 'Street care', patch: CASTLE, supervisor: 'sup-ruth', onDuty: true, trusted: false, ...stamp, ...over,
});

/** The demo people of the Teams tests: two street care officers, their supervisor, a ward councillor and a volunteer. */
export const people = {
  sam: person({ id: 'off-sam', name: 'Sam Patel' }),
  alex: person({ id: 'off-alex', name: 'Alex Jones', patch: 'E36002758' }),
  ruth: person({ id: 'sup-ruth', name: 'Ruth Ellis', role: 'supervisor', supervisor: null, patch: null }),
  cox: person({ id: 'cllr-cox', name: 'Cllr Jo Cox', role: 'councillor', teams: null, supervisor: null, patch: null }),
  ann: person({ id: 'vol-ann', name: 'Ann Lee', role: 'volunteer', teams: 'Graffiti pool', trusted: true, supervisor: 'sup-ruth' }),
};

export interface Harness {
  folder: string;
  store: SqliteStore;
  connector: LoopbackConnector;
  runtime: TeamsRuntime;
  url: string;
  logs: string[];
  /** Posts an activity to /api/messages as Teams would. */
  post(activity: Record<string, unknown>): Promise<{ status: number; body: unknown }>;
  /** Runs the outbox dispatcher until nothing is due. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

/** The service's Teams routes on an ephemeral port, a real SQLite store with real wards, and the loopback connector. */
export async function startHarness(options: { connector?: LoopbackConnector; globalPerSecond?: number; folder?: string; prepare?: (store: SqliteStore) => Promise<void> } = {}): Promise<Harness> {
  const folder = mkdtempSync(join(tmpdir(), 'wardline-teams-'));
  const store = openSqliteStore({ path: join(folder, 'wardline.db') });
  const features = (JSON.parse(readFileSync(WARDS, 'utf8')) as { features: { properties: { cmwd11cd: string; cmwd11nm: string }; geometry: unknown }[] }).features;
  const taskType = (id: string, code: string, name: string, over: Record<string, unknown> = {}) => ({ id, code, name, serviceArea: 'street_care', defaultPriority: 'normal', slaHours: 16, dispatchMode: 'assign', redaction: 'standard', duplicateRadius: 0, duplicateWindowDays: 0, active: true, requirePhoto: false, ...over });
  await store.importRows([
    { table: 'ward', mode: 'insert', rows: features.map((f) => ({ id: f.properties.cmwd11cd, name: f.properties.cmwd11nm, code: f.properties.cmwd11cd, boundary: JSON.stringify(f.geometry), vintage: '2011' })) },
    { table: 'taskType', mode: 'insert', rows: [taskType('tt-fly', 'fly-tipping', 'Fly-tipping', { checklist: 'Photograph before clearing' }), taskType('tt-graffiti', 'graffiti', 'Graffiti', { dispatchMode: 'pool' })] },
    { table: 'officer', mode: 'insert', rows: [people.ruth, people.sam, people.alex, people.cox, people.ann] },
    { table: 'wardMember', mode: 'insert', rows: [{ name: 'Cllr Jo Cox, Castle', ward: CASTLE, councillor: 'cllr-cox' }] },
    { table: 'routingRule', mode: 'insert', rows: [{ id: 'rule-graffiti', name: 'Graffiti to the pool', order: 10, active: true, matchTaskType: 'tt-graffiti', assignTeam: 'Graffiti pool', dispatchMode: 'pool' }] },
    { table: 'subscription', mode: 'insert', rows: [{ name: 'Cllr Jo Cox: Castle', person: 'cllr-cox', ward: CASTLE, channel: 'teams', events: 'raised,accepted,completed,could_not_complete', active: true }] },
  ]);
  await options.prepare?.(store);
  const connector = await (options.connector ?? new LoopbackConnector()).start();
  const logs: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => logs.push(line) });
  const settings = readCouncilSettings({ WARDLINE_COUNCIL_NAME: 'Colchester City Council', WARDLINE_SERVICE_URL: 'https://wardline.colchester.example' });
  const runtime = createTeamsRuntime({
    store, settings, logger, clock: () => new Date(),
    config: { ledgerPath: join(folder, 'teams.db'), mediaDir: join(folder, 'media'), globalPerSecond: options.globalPerSecond ?? 45, teamsAppId: '6d0e3e1c-58ad-4a5b-9c84-0c1f2f0d7a11' },
  });
  const app = express();
  runtime.mount(app);
  const server: Server = createServer(app);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dispatcher = createDispatcher({ store, channels: [runtime.channel], log: () => undefined, batchSize: 50 });
  return {
    folder, store, connector, runtime, url, logs,
    async post(activity) {
      const response = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
    },
    async drain() {
      for (let round = 0; round < 50; round += 1) if ((await dispatcher.runOnce()).claimed === 0) return;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await runtime.close();
      await connector.stop();
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** A Teams-shaped activity from a person in their personal chat with the bot. */
export function activityFrom(harness: Harness, who: Partial<Officer>, over: Record<string, unknown>): Record<string, unknown> {
  return {
    channelId: 'msteams', serviceUrl: harness.connector.url, id: `act-${Math.random().toString(36).slice(2)}`, timestamp: new Date().toISOString(),
    from: { id: `29:${who.id}`, name: who.name, aadObjectId: who.entraObjectId },
    recipient: { id: '28:wardline-bot', name: 'Wardline' },
    conversation: { id: `a:chat-${who.id}`, conversationType: 'personal', tenantId: 'tenant-1' },
    channelData: { tenant: { id: 'tenant-1' } },
    ...over,
  };
}
