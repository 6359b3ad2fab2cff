import { CommanderError } from 'commander';
import { isWardlineError } from '@wardline/core';
import type { CliIo } from './cli-io';
import { createProgram } from './program';

/** Exit codes: 0 done, 1 bad input or a refused action (one line on stderr), 2 usage, 70 an unexpected failure. */
export const EXIT = { ok: 0, refused: 1, usage: 2, internal: 70 } as const;

/**
 * Runs the CLI and returns its exit code. A WardlineError becomes one line, `wardline: <message>`;
 * anything else is a bug and prints its stack.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = createProgram(io);
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version output end the same way as a usage mistake, but successfully.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (isWardlineError(error)) {
      io.stderr.write(`wardline: ${error.message.replace(/\s*\n\s*/g, ' ')}\n`);
      return EXIT.refused;
    }
    io.stderr.write(`wardline: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT.internal;
  }
}
