/** `wardline open311 keys add|list|revoke` through the built CLI, and the keys at the real endpoint. */
import { createHash } from 'node:crypto';
import { runCli } from '../cli/cli-harness';
import { post, startHarness, type Harness } from './open311-harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness.close());

const db = () => `${harness.dir}/wardline.db`;
const report = (key: string) => post(`${harness.url}/open311/v2/requests.json`, `api_key=${encodeURIComponent(key)}&service_code=GRAF&lat=51.8890&long=0.9010&description=Tag`);

describe('wardline open311 keys', () => {
  it('adds a key, printed once on its own line, stored only as a hash, accepted by the endpoint until revoked', async () => {
    const added = runCli(['--db', db(), 'open311', 'keys', 'add', 'crm', '--limit', '120']);
    expect(added.code).toBe(0);
    const lines = added.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    const key = lines[0] as string;
    expect(key).toMatch(/^wl311_[A-Za-z0-9_-]{43}$/);
    expect(added.stderr).toContain('shown once');

    const rows = await harness.store.listApiKeys();
    const row = rows.find((r) => r.name === 'crm');
    expect(row).toMatchObject({ keyHash: createHash('sha256').update(key).digest('hex'), keyPrefix: key.slice(0, 10), active: true, requestsPerMinute: 120 });
    expect(JSON.stringify(rows)).not.toContain(key);

    expect((await report(key)).status).toBe(200);

    const listed = runCli(['--db', db(), 'open311', 'keys', 'list']);
    expect(listed.stdout).toContain('crm');
    expect(listed.stdout).toContain(`${key.slice(0, 10)}…`);
    expect(listed.stdout).not.toContain(key);

    const revoked = runCli(['--db', db(), 'open311', 'keys', 'revoke', 'crm']);
    expect(revoked).toMatchObject({ code: 0, stdout: 'Open311 key "crm" revoked.\n' });
    harness.setNow('2025-01-06T09:20:00Z');
    const refused = await report(key);
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.text)).toEqual([{ code: 403, description: expect.stringContaining('Invalid api_key') }]);
  });

  it('refuses a taken name, a bad name and an unknown key with one line naming the problem', () => {
    runCli(['--db', db(), 'open311', 'keys', 'add', 'fms-test']);
    const taken = runCli(['--db', db(), 'open311', 'keys', 'add', 'fms-test']);
    expect(taken).toMatchObject({ code: 1, stdout: '' });
    expect(taken.stderr.trim()).toBe('wardline: A key named "fms-test" already exists: revoke it first or pick another name.');
    const bad = runCli(['--db', db(), 'open311', 'keys', 'add', 'has space']);
    expect(bad.stderr.trim()).toMatch(/Key name "has space": use 1 to 100 letters/);
    const unknown = runCli(['--db', db(), 'open311', 'keys', 'revoke', 'nobody']);
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect(unknown.stderr.trim()).toBe('wardline: No key named "nobody": `wardline open311 keys list` shows the names.');
  });
});
