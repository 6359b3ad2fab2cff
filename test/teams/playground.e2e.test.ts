/**
 * End to end with the Microsoft 365 Agents Playground (@microsoft/m365agentsplayground 0.2.28),
 * offline: the built service (`wardline serve`, demo council, a temporary store) and the
 * playground (.m365agentsplayground.yml: Priya Shah is the person chatting) each on a port the
 * system picks. The playground is driven through its own HTTP and WebSocket routes, as its web
 * page drives it: install the app in the personal chat, then a job reported with the built
 * `wardline report` (same store) must arrive as Priya's job card over the playground's connector,
 * and Accept and Complete pressed through the playground must change the job in the store and
 * come back as the updated card.
 *
 * The playground's routes (/_debug, /_conversation, /_ws_conversation) are internal to that
 * version; docs/admin/teams.md says so.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import { openSqliteStore } from '@wardline/core';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'scripts/dist/cli.js');
const PLAYGROUND = join(ROOT, 'node_modules/@microsoft/m365agentsplayground/cli.js');
const CONFIG = join(ROOT, '.m365agentsplayground.yml');
const PERSONAL_CHAT = 'a:wardline-playground-personal-chat';
const PRIYA = 'user-priya-shah';
// A point in Abbeygate ward of the demo council; sharps jobs go to Priya Shah by routing rule.
const ABBEYGATE = { lat: '51.88205', lon: '0.866903' };

interface CardMessage {
  messageId: string;
  attachments?: { contentType: string; content: { body: unknown[]; actions?: { type: string; title: string; verb?: string; data?: Record<string, unknown> }[] } }[];
  text?: string;
}

const children: ChildProcess[] = [];
let folder: string;
let socket: WebSocket | undefined;
const messages: CardMessage[] = [];
let playgroundUrl = '';

/** Starts a Node process and resolves with the first match of `ready` in its output. */
function startProcess(args: string[], env: NodeJS.ProcessEnv, cwd: string, ready: RegExp, label: string): Promise<RegExpMatchArray> {
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`${label} did not start within 90 s; output:\n${output.slice(-3000)}`)), 90_000);
    const look = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise(match);
      }
    };
    child.stdout?.on('data', look);
    child.stderr?.on('data', look);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited (${code}) before it was ready; output:\n${output.slice(-3000)}`));
    });
  });
}

async function until<T>(what: string, check: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const cardText = (message: CardMessage): string => JSON.stringify(message.attachments?.[0]?.content.body ?? []);

async function pressOnCard(message: CardMessage, verb: string, data: Record<string, unknown>) {
  const response = await fetch(`${playgroundUrl}/_conversation/v1/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' }, from: { id: PRIYA }, conversation: { id: PERSONAL_CHAT }, replyToId: message.messageId }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { type: string; value: { body: unknown[]; actions?: { title: string }[] } };
}

async function jobInStore(reference: string) {
  const store = openSqliteStore({ path: join(folder, 'wardline.db'), readonly: true });
  try {
    return await store.getTaskByReference(reference);
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npx tsc -b\` first (npm test does)`);
  folder = mkdtempSync(join(tmpdir(), 'wardline-playground-'));
  const serviceEnv = { WARDLINE_DB: join(folder, 'wardline.db'), WARDLINE_LOG_LEVEL: 'info', WARDLINE_HOST: '127.0.0.1', NODE_ENV: 'development' };
  const [, serviceUrl] = await startProcess([CLI, 'serve', '--port', '0'], serviceEnv, folder, /"url":"(http:\/\/[^"]+)"[^\n]*Wardline is listening/, 'wardline serve');
  const [, port] = await startProcess(
    [PLAYGROUND, '-e', `${serviceUrl}/api/messages`, '-c', 'msteams', '-p', '0', '--disable-telemetry'],
    { TEAMSAPPTESTER_BROWSER: 'none', M365_AGENTS_PLAYGROUND_CONFIG_PATH: CONFIG },
    folder, /Listening on (\d+)/, 'Agents Playground',
  );
  playgroundUrl = `http://127.0.0.1:${port}`;
  socket = new WebSocket(`ws://127.0.0.1:${port}/_ws_conversation/v1/conversations/stream`);
  socket.on('message', (data) => {
    const event = JSON.parse(data.toString()) as { action?: string; actionConversationId?: string; message?: CardMessage };
    if (event.actionConversationId === PERSONAL_CHAT && event.message) messages.push(event.message);
  });
  await new Promise<void>((resolveOpen, reject) => {
    socket?.once('open', () => resolveOpen());
    socket?.once('error', reject);
  });
}, 200_000);

afterAll(async () => {
  socket?.close();
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  await Promise.all(children.map((child) => (child.exitCode === null ? new Promise((r) => child.once('exit', r)) : undefined)));
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('Teams bot in the Microsoft 365 Agents Playground', () => {
  it('installs, receives a reported job as a card, and accepts and completes it from the card', async () => {
    // Installing the app in the personal chat: the playground sends installationUpdate and conversationUpdate.
    const install = await fetch(`${playgroundUrl}/_debug/conversation/${encodeURIComponent(PERSONAL_CHAT)}/installation`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(install.status).toBe(200);
    await until('the welcome card', () => messages.find((m) => cardText(m).includes('Hello Priya Shah')));

    // A job reported with the built CLI into the same store: routed to Priya, delivered by the service's outbox.
    const reported = spawnSync(process.execPath, [CLI, 'report', '--type', 'needles', '--lat', ABBEYGATE.lat, '--lon', ABBEYGATE.lon, '--text', 'Two needles by the bench', '--address', '59 Queen Street'], {
      cwd: folder, env: { ...process.env, WARDLINE_DB: join(folder, 'wardline.db') }, encoding: 'utf8',
    });
    expect(reported.status).toBe(0);
    expect(reported.stdout).toContain('Assigned to Priya Shah');
    const reference = /WL-\d{2}-\d{6}/.exec(reported.stdout)?.[0] as string;
    expect(reference).toBeDefined();
    const card = await until(`the job card for ${reference}`, () => messages.find((m) => cardText(m).includes(reference)), 60_000);
    // Both install activities arrived long before the job card: one welcome, not two.
    expect(messages.filter((m) => cardText(m).includes('Hello Priya Shah'))).toHaveLength(1);
    expect(cardText(card)).toContain('Two needles by the bench');
    const actions = card.attachments![0].content.actions!;
    expect(actions.map((a) => a.title)).toEqual(['Accept', 'Decline', 'Open in Wardline']);

    // Accept through the playground: the job changes in the store and the card comes back updated.
    const accept = actions.find((a) => a.verb === 'accept')!;
    const accepted = await pressOnCard(card, 'accept', accept.data!);
    expect(accepted.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(accepted.value.body)).toContain('You accepted this job');
    expect(accepted.value.actions!.map((a) => a.title)).toEqual(['Start', 'Put on hold', 'Complete', 'Could not complete', 'Open in Wardline']);
    const afterAccept = await jobInStore(reference);
    expect(afterAccept).toMatchObject({ status: 'accepted', assignedOfficer: expect.any(String) });

    // Complete from the updated card (its form: what was done, for the reporter).
    const completed = await pressOnCard(card, 'complete', { taskId: afterAccept!.id, rowVersion: afterAccept!.rowVersion, wlVerb: 'complete', 'complete.publicNote': 'Two needles collected; area swept' });
    expect(JSON.stringify(completed.value.body)).toContain('Job completed. Thank you');
    expect(await jobInStore(reference)).toMatchObject({ status: 'completed', resolution: 'Two needles collected; area swept', rowVersion: afterAccept!.rowVersion + 1 });

    // The same Accept pressed again (an old card) changes nothing.
    const stale = await pressOnCard(card, 'accept', accept.data!);
    expect(JSON.stringify(stale.value.body)).toContain('This job changed since this card was sent');
    expect((await jobInStore(reference))!.status).toBe('completed');
  }, 180_000);
});
