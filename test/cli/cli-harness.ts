import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openSqliteStore } from '@wardline/core';

/** The built CLI (npm test builds it first, in pretest). */
export const CLI = resolve(__dirname, '../../scripts/dist/cli.js');
export const REPO = resolve(__dirname, '../..');
/** Real ONS ward boundaries, read in place from ../shared (never copied into the project). */
export const WARDS = resolve(REPO, '../shared/reference/wards');
export const CATALOGUE = resolve(REPO, 'scripts/data/task-types.csv');
/** The README's example point: it lies in the demo council's Castle ward. */
export const CASTLE = { latitude: 51.8904, longitude: 0.9036 } as const;

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A temporary folder with a store path, for one test file. */
export function workspace(): {
  dir: string;
  db: string;
  file(name: string, content: string | Buffer): string;
  run(...args: string[]): CliRun;
  counts(): Record<string, number>;
  query<T>(sql: string, ...params: unknown[]): T[];
  cleanup(): void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'wardline-cli-'));
  const db = join(dir, 'wardline.db');
  return {
    dir,
    db,
    file(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    run: (...args) => runCli(['--db', db, ...args], { cwd: dir }),
    counts: () => storeCounts(db),
    query<T>(sql: string, ...params: unknown[]): T[] {
      const store = openSqliteStore({ path: db });
      try {
        return store.db.prepare(sql).all(...params) as T[];
      } finally {
        store.db.close();
      }
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Runs the built CLI as a child process, as an admin would. */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliRun {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env };
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? REPO, env, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Row counts of every table (plus the reference counter): "unchanged" means all of these are. */
export function storeCounts(db: string): Record<string, number> {
  const store = openSqliteStore({ path: db });
  try {
    const tables = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'wl_%'").all() as { name: string }[];
    return Object.fromEntries(tables.map(({ name }) => [name, (store.db.prepare(`SELECT COUNT(*) AS n FROM ${name}`).get() as { n: number }).n]));
  } finally {
    store.db.close();
  }
}

/** Asserts a refused command: non-zero exit, exactly one line on stderr, nothing on stdout. */
export function expectOneLineError(run: CliRun, message: string | RegExp): void {
  expect(run.stdout).toBe('');
  expect(run.code).toBe(1);
  const lines = run.stderr.split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  if (typeof message === 'string') expect(lines[0]).toBe(message);
  else expect(lines[0]).toMatch(message);
}
