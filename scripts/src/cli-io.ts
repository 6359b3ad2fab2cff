/** Where a command writes and what it reads from its surroundings; tests pass their own. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): boolean; isTTY?: boolean };
  env: Readonly<Record<string, string | undefined>>;
}

export const processIo = (): CliIo => ({ stdout: process.stdout, stderr: process.stderr, env: process.env });

/** Writes lines to stdout. */
export const printLines = (io: CliIo, lines: readonly string[]): void => {
  io.stdout.write(`${lines.join('\n')}\n`);
};
