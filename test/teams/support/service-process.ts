import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const CLI = resolve(__dirname, '../../../scripts/dist/cli.js');

/** The built service (`wardline serve`) in its own process, on a port the system picks. */
export interface ServiceProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `wardline serve --port 0` on the store file `dbPath` (seeding the demo council into an empty one). */
export function startService(dbPath: string, cwd: string, env: NodeJS.ProcessEnv = {}): Promise<ServiceProcess> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0'], {
    cwd, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, WARDLINE_DB: dbPath, WARDLINE_LOG_LEVEL: 'info', WARDLINE_HOST: '127.0.0.1', NODE_ENV: 'development', ...env },
  });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once('exit', (code, signal) => done({ code, signal })));
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`wardline serve did not start within 90 s; output:\n${output.slice(-3000)}`)), 90_000);
    const look = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"(http:\/\/[^"]+)"[^\n]*Wardline is listening/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise({ url: match[1], child, output: () => output, exited });
      }
    };
    child.stdout?.on('data', look);
    child.stderr?.on('data', look);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`wardline serve exited (${code}) before it was ready; output:\n${output.slice(-3000)}`));
    });
  });
}

/** Stops the process at once, as a crash or a pulled plug would (no graceful shutdown). */
export async function killService(service: ServiceProcess): Promise<void> {
  if (service.child.exitCode === null && service.child.signalCode === null) service.child.kill('SIGKILL');
  await service.exited;
}
