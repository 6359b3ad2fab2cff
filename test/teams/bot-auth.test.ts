import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import pino from 'pino';
import { openSqliteStore, readCouncilSettings, type SqliteStore } from '@wardline/core';
import { createTeamsRuntime, type TeamsRuntime } from '@wardline/bot/teams';

/** With a bot app id configured, the SDK must validate every inbound request's token: no token, no turn. */
describe('/api/messages with a bot app id configured', () => {
  let folder: string;
  let store: SqliteStore;
  let runtime: TeamsRuntime;
  let server: Server;
  let url: string;
  const logs: string[] = [];

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'wardline-teams-auth-'));
    store = openSqliteStore({ path: join(folder, 'wardline.db') });
    await store.importRows([{ table: 'officer', mode: 'insert', rows: [{ id: 'ruth', name: 'Ruth Officer', entraObjectId: '00000000-0000-4000-8000-00000000a001', role: 'officer', onDuty: true }] }]);
    const settings = readCouncilSettings({ WARDLINE_COUNCIL_NAME: 'Test Council', WARDLINE_SERVICE_URL: 'https://wardline.test.example' });
    runtime = createTeamsRuntime({
      store, settings, clock: () => new Date(), logger: pino({ level: 'debug' }, { write: (line: string) => logs.push(line) }),
      config: { appId: '5b3c1d4e-0000-4000-8000-000000000b07', appPassword: 'not-used-here', tenantId: '11111111-2222-4333-8444-555555555555', ledgerPath: join(folder, 'teams.db'), mediaDir: join(folder, 'media'), globalPerSecond: 45 },
    });
    const app = express();
    runtime.mount(app);
    server = createServer(app);
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
    await runtime.close();
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const activity = {
    type: 'message', id: 'm-1', channelId: 'msteams', serviceUrl: 'http://127.0.0.1:9/teams/', text: 'help',
    from: { id: '29:ruth', aadObjectId: '00000000-0000-4000-8000-00000000a001', name: 'Ruth Officer' },
    recipient: { id: '28:bot', name: 'Wardline' }, conversation: { id: 'a:ruth-chat', conversationType: 'personal', tenantId: '11111111-2222-4333-8444-555555555555' },
  };
  const post = (headers: Record<string, string>) => fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(activity) });

  it('refuses a request with no token and records nothing', async () => {
    const response = await post({});
    expect(response.status).toBe(401);
    expect((await store.getOfficer('ruth'))?.conversationReference ?? null).toBeNull();
  });

  it('refuses a request whose token is not a valid JWT', async () => {
    const response = await post({ authorization: 'Bearer not.a.token' });
    expect(response.status).toBe(401);
    expect((await store.getOfficer('ruth'))?.conversationReference ?? null).toBeNull();
  });

  it('does not log the anonymous-mode warning', () => {
    expect(logs.join('\n')).not.toContain('AUTHENTICATION IS OFF');
  });
});
