import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openSqliteStore } from '../store/sqlite';
import { SqliteDeliveryLog } from './delivery-log';

/**
 * Exactly-once delivery across a crash, with real processes: a dispatcher process is killed with
 * SIGKILL in the middle of a batch (after the log channel wrote an event, before the store
 * recorded it), a second process takes over when the lease lapses, and every event must be in the
 * delivery log exactly once.
 */
const worker = resolve(__dirname, 'crash-test', 'dispatch-worker.ts');
const root = resolve(__dirname, '..', '..', '..');
const EVENTS = 30;
const LEASE_MS = 1500;

function startWorker(storePath: string, logPath: string, onLine: (line: string, child: ChildProcess) => void): { child: ChildProcess; exited: Promise<{ code: number | null; signal: string | null; stderr: string }> } {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', worker, storePath, logPath, String(LEASE_MS), '40'], {
    cwd: root,
    env: { ...process.env, SWC_NODE_PROJECT: join(root, 'core', 'tsconfig.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let buffered = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    lines.forEach((line) => onLine(line, child));
  });
  const exited = new Promise<{ code: number | null; signal: string | null; stderr: string }>((done) => child.on('exit', (code, signal) => done({ code, signal, stderr })));
  return { child, exited };
}

describe('dispatcher killed mid-batch', () => {
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(join(tmpdir(), 'wardline-crash-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('delivers every event exactly once after SIGKILL and a restart', async () => {
    const storePath = join(folder, 'wardline.db');
    const logPath = join(folder, 'deliveries.db');
    const store = openSqliteStore({ path: storePath });
    await store.enqueue(Array.from({ length: EVENTS }, (_, i) => ({ name: `Event ${i}`, eventType: 'task.created', channel: 'log' as const, payload: JSON.stringify({ i }), idempotencyKey: `event-${String(i).padStart(2, '0')}` })));

    let seenBeforeKill = 0;
    const first = startWorker(storePath, logPath, (line, child) => {
      if (line.startsWith('delivered ') && ++seenBeforeKill === 5) child.kill('SIGKILL');
    });
    expect(await first.exited).toMatchObject({ signal: 'SIGKILL' });
    const afterCrash = await store.listOutbox();
    // Batch of 10: four recorded as delivered, the fifth written to the log but not recorded, five not started.
    expect(afterCrash.filter((e) => e.status === 'delivered')).toHaveLength(4);
    expect(afterCrash.filter((e) => e.status === 'delivering')).toHaveLength(6);

    const lines: string[] = [];
    const second = startWorker(storePath, logPath, (line) => lines.push(line));
    const end = await second.exited;
    expect(end).toMatchObject({ code: 0, signal: null });
    expect(lines.at(-1)).toBe('drained');

    const log = new SqliteDeliveryLog(logPath);
    const entries = log.entries();
    log.close();
    const keys = entries.map((e) => e.idempotencyKey).sort();
    expect(keys).toEqual(Array.from({ length: EVENTS }, (_, i) => `event-${String(i).padStart(2, '0')}`));
    // The event written just before the kill was delivered to the channel again, and ignored.
    expect(entries.filter((e) => e.repeats > 0).map((e) => e.repeats)).toEqual([1]);
    const outbox = await store.listOutbox();
    expect(outbox.every((e) => e.status === 'delivered')).toBe(true);
    expect(outbox.filter((e) => e.attempts === 2)).toHaveLength(6);
    await store.close();
  }, 60_000);
});
