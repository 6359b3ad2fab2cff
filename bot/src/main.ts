#!/usr/bin/env node
/**
 * Runs the service alone: `node bot/dist/main.js`. Reads the configuration once, opens the
 * embedded store and serves until SIGINT or SIGTERM. `wardline serve` (what `npm start` runs)
 * does the same after seeding the demo council into an empty store.
 */
import { dirname, resolve } from 'node:path';
import { isWardlineError, openSqliteStore } from '@wardline/core';
import { readServiceConfig } from './config';
import { createLogger, startServer } from './server';

async function main(): Promise<void> {
  const config = readServiceConfig();
  const logger = createLogger({ level: config.logLevel });
  if (config.localDefaults.length) logger.warn({ variables: config.localDefaults }, 'not set: using local defaults (set them in production)');
  const store = openSqliteStore({ path: config.dbPath, backgroundCheckpoints: true });
  await startServer({
    port: config.port,
    host: config.host,
    store,
    settings: config.settings,
    logger,
    handleSignals: true,
    deliveryLogPath: config.dbPath === ':memory:' ? ':memory:' : resolve(dirname(config.dbPath), 'deliveries.db'),
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`wardline: ${isWardlineError(error) ? error.message : (error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
