import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImportError } from '@wardline/core';

/** A temporary folder for test files, removed by `cleanup`. */
export function tempFolder(): { write(name: string, content: string | Buffer): string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'wardline-import-'));
  return {
    write(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The message of the ImportError a promise rejects with. */
export async function importProblem(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    return error.message;
  }
  throw new Error('expected an ImportError');
}

/** The message of the ImportError a synchronous call throws; anything else fails the test. */
export function importProblemNow(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    return error.message;
  }
  throw new Error('expected an ImportError');
}
