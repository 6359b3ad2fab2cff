import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { openTaskService, readCouncilSettings, type Task } from '@wardline/core';
import { TeamsLedger } from '@wardline/bot/teams';
import { activityFrom, HIGH_STREET, people, startHarness, type Harness } from './support/harness';
import type { ConnectorCall } from './support/loopback-connector';

/**
 * The Teams channel killed with SIGKILL after Teams accepted a card and before the ledger heard
 * so (the loopback connector posts the card and never answers), then a new process taking the
 * event over when its lease lapses. Where the person already holds a card of that job in the chat,
 * the new process replaces that card instead of posting a second one; where they hold none,
 * Teams offers no way to know, and the card is posted again (docs/admin/teams.md says so).
 */
const WORKER = resolve(__dirname, 'support/teams-dispatch-worker.ts');
const ROOT = resolve(__dirname, '../..');
const LEASE_MS = 1500;

let h: Harness;
beforeEach(async () => (h = await startHarness()));
afterEach(async () => h.close());

function runWorker(onStarted?: (kill: () => void) => void): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', WORKER, join(h.folder, 'wardline.db'), join(h.folder, 'teams.db'), String(LEASE_MS)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  onStarted?.(() => child.kill('SIGKILL'));
  return new Promise((done) => child.on('exit', (code, signal) => done({ code, signal, stdout, stderr })));
}

async function until(what: string, check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Kills the worker as soon as Teams has accepted (and held) a card in Sam's chat. */
async function crashWhileTeamsHoldsACard(): Promise<ConnectorCall> {
  h.connector.holdWhen = (call) => call.method === 'POST' && call.conversationId === 'a:chat-off-sam';
  const first = await runWorker((kill) => void until('Teams to hold a card', () => h.connector.held.length === 1).then(kill));
  expect(first).toMatchObject({ signal: 'SIGKILL' });
  h.connector.holdWhen = undefined;
  return h.connector.held[0];
}

async function reportForSam(): Promise<Task> {
  const service = await openTaskService({ store: h.store, settings: readCouncilSettings({ WARDLINE_COUNCIL_NAME: 'Colchester City Council', WARDLINE_SERVICE_URL: 'https://wardline.colchester.example' }) });
  const { task } = await service.report({ taskTypeCode: 'fly-tipping', description: 'Sofa on the verge', ...HIGH_STREET, source: 'cli' });
  expect(task.assignedOfficer).toBe('off-sam');
  return task;
}

const posts = (text: string) => h.connector.activityCalls.filter((c) => c.method === 'POST' && c.conversationId === 'a:chat-off-sam' && JSON.stringify(c.body).includes(text));
const ledgerState = (key: string) => {
  const ledger = new TeamsLedger(join(h.folder, 'teams.db'));
  try {
    return ledger.delivery(key);
  } finally {
    ledger.close();
  }
};

describe('Teams delivery killed between Teams accepting a card and the ledger recording it', () => {
  it('replaces the card the person already holds for that job instead of posting a second one', async () => {
    await h.post(activityFrom(h, people.sam, { type: 'installationUpdate', action: 'add' }));
    const task = await reportForSam();
    await h.drain();
    const [jobCard] = posts('"verb":"accept"');
    expect(jobCard.postedId).toMatch(/^activity-/);

    const key = `task.overdue:${task.id}:${task.rowVersion}:teams:off-sam`;
    await h.store.enqueue([{ name: `task.overdue ${task.reference}`, eventType: 'task.overdue', channel: 'teams', recipient: 'off-sam', task: task.id, idempotencyKey: key, payload: JSON.stringify({ eventType: 'task.overdue', taskId: task.id, reference: task.reference, rowVersion: task.rowVersion, reason: 'assignee' }) }]);
    const held = await crashWhileTeamsHoldsACard();
    expect(JSON.stringify(held.body)).toContain('This job is overdue');
    expect(ledgerState(key)).toMatchObject({ state: 'sending', activityId: null, conversationId: 'a:chat-off-sam' });

    const second = await runWorker();
    expect(second).toMatchObject({ code: 0, signal: null });
    expect(second.stdout).toContain('"replaced":1');
    expect(second.stderr).toContain('Teams delivery attempted before without a recorded outcome');
    // One overdue card was posted (the one Teams accepted before the kill); the restart updated the job card instead of posting again.
    expect(posts('This job is overdue')).toHaveLength(1);
    const updates = h.connector.activityCalls.filter((c) => c.method === 'PUT' && c.activityId === jobCard.postedId);
    expect(updates).toHaveLength(1);
    expect(JSON.stringify(updates[0].body)).toContain('This job is overdue');
    expect(ledgerState(key)).toMatchObject({ state: 'delivered', activityId: jobCard.postedId });
    expect((await h.store.listOutbox({ taskId: task.id })).find((e) => e.idempotencyKey === key)).toMatchObject({ status: 'delivered', attempts: 2 });
  }, 120_000);

  it('with no earlier card of the job to replace, the card is posted again: at most one extra, and the ledger says so', async () => {
    await h.post(activityFrom(h, people.sam, { type: 'installationUpdate', action: 'add' }));
    const task = await reportForSam();
    const held = await crashWhileTeamsHoldsACard();
    expect(JSON.stringify(held.body)).toContain(task.reference);

    const second = await runWorker();
    expect(second).toMatchObject({ code: 0, signal: null });
    expect(second.stderr).toContain('Teams delivery attempted before without a recorded outcome');
    expect(posts('"verb":"accept"')).toHaveLength(2);
    // A third process finds every key delivered and sends nothing.
    const before = h.connector.activityCalls.length;
    expect(await runWorker()).toMatchObject({ code: 0 });
    expect(h.connector.activityCalls).toHaveLength(before);
  }, 120_000);
});
