#!/usr/bin/env node
/** The `wardline` command (scripts/package.json bin). */
import { processIo } from './cli-io';
import { runCli } from './run-cli';

runCli(process.argv.slice(2), processIo()).then(
  (code) => {
    // `serve` keeps running (its server holds the event loop); everything else ends here.
    if (code !== 0) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`wardline: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 70;
  },
);
