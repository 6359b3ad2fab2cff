// Test-only: the real Wardline service (SQLite store seeded with the demo council, core task
// service, the tab's routes and built app) on an ephemeral loopback port.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { openSqliteStore, readCouncilSettings, type Officer, type SqliteStore } from '@wardline/core';
import { startServer, type RunningServer } from '@wardline/bot';
import { createTabRoutes } from '../../bot/src/tab';
import type { IdentityConfig } from '../../bot/src/identity';
import { MediaStore } from '../../bot/src/intake/media-store';
import { seedDemo } from '../../scripts/src/demo/seed-demo';

export interface TabHarness {
  store: SqliteStore;
  server: RunningServer;
  url: string;
  dir: string;
  /** A development token for a person (development identity only). */
  tokenFor(person: Officer): Promise<string>;
  close(): Promise<void>;
}

export const DEMO_NOW = new Date('2026-03-10T10:00:00Z');

export async function startTabHarness(options: { identity?: IdentityConfig; reports?: number } = {}): Promise<TabHarness> {
  const dir = mkdtempSync(path.join(tmpdir(), 'wardline-tab-'));
  const clock = () => new Date();
  const store = openSqliteStore({ path: path.join(dir, 'wardline.db'), clock });
  const env = { WARDLINE_COUNCIL_NAME: 'Wardline Borough Council', WARDLINE_SERVICE_URL: 'http://127.0.0.1' };
  const settings = readCouncilSettings(env);
  await seedDemo(store, { settings, reports: options.reports ?? 300 });
  const media = new MediaStore(path.join(dir, 'media'), settings.serviceUrl);
  const identity: IdentityConfig = options.identity ?? { mode: 'development', secret: new Uint8Array(32).fill(7) };
  const routes = [createTabRoutes({ env: {}, identity, media })];
  const server = await startServer({ port: 0, host: '127.0.0.1', store, settings, clock, routes, outbox: false, logger: pino({ level: 'silent' }) });
  return {
    store, server, url: server.url, dir,
    async tokenFor(person) {
      const response = await fetch(`${server.url}/api/tab/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ personId: person.id }) });
      if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { token: string }).token;
    },
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function api<T = Record<string, unknown>>(harness: TabHarness, token: string | undefined, pathname: string, init: RequestInit = {}): Promise<{ status: number; body: T; headers: Headers }> {
  const headers = new Headers(init.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  if (init.body && typeof init.body === 'string') headers.set('content-type', 'application/json');
  const response = await fetch(`${harness.url}/api/tab${pathname}`, { ...init, headers });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as T, headers: response.headers };
}

/** The demo's people by role, for picking test users. */
export async function demoPeople(store: SqliteStore) {
  const people = await store.listOfficers();
  const members = await store.listWardMembers();
  const councillor = people.find((p) => p.role === 'councillor' && members.some((m) => m.councillor === p.id)) as Officer;
  return { people, members, councillor, byRole: (role: Officer['role']) => people.filter((p) => p.role === role) };
}
