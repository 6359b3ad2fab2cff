import { spawn, type ChildProcess } from 'node:child_process';
import { get } from 'node:http';
import { CLI, workspace } from './cli-harness';

jest.setTimeout(180_000);

const ws = workspace();
afterAll(() => ws.cleanup());

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts `wardline serve --port 0` and waits for its "listening" log line. */
function serve(extra: string[] = []): Promise<Started> {
  const child = spawn(process.execPath, [CLI, '--db', ws.db, 'serve', '--port', '0', ...extra], { env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "listening" line in time:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const line = output.split('\n').find((l) => l.includes('"Wardline is listening"'));
      if (line) {
        clearTimeout(timer);
        resolve({ child, url: (JSON.parse(line) as { url: string }).url, output: () => output, exited });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
  });
}

const healthz = (url: string): Promise<{ status: number; body: Record<string, unknown> }> =>
  new Promise((resolve, reject) => {
    get(`${url}/healthz`, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(body) as Record<string, unknown> }));
    }).on('error', reject);
  });

describe('wardline serve', () => {
  it('seeds an empty store with the demo council, answers /healthz, and stops cleanly on SIGTERM', async () => {
    const started = await serve();
    const answer = await healthz(started.url);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'ok', store: { ok: true, kind: 'sqlite' } });
    expect((answer.body.store as { counts: { ward: number; task: number } }).counts.ward).toBe(12);
    expect(started.output()).toContain('"msg":"demo council seeded"');
    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(0);
    expect(started.output()).toContain('"msg":"Wardline stopped"');
  });

  it('does not seed again, and stops cleanly on SIGINT', async () => {
    const before = ws.counts();
    const started = await serve();
    expect(started.output()).not.toContain('seeding the demo council');
    started.child.kill('SIGINT');
    expect(await started.exited).toBe(0);
    const after = ws.counts();
    expect(after.wl_task).toBe(before.wl_task);
    expect(after.wl_ward).toBe(before.wl_ward);
  });

  it('names a bad variable and exits', async () => {
    const child = spawn(process.execPath, [CLI, '--db', ws.db, 'serve'], { env: { PATH: process.env.PATH ?? '', PORT: 'eighty' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toBe('wardline: Variable PORT: "eighty" is not a port number (0 to 65535)\n');
  });
});
