import { startServer, createLogger, type ServiceConfig, type RunningServer } from '@wardline/bot';
import { deliveryLogPathFor, openStore } from '../store-access';
import { isEmptyStore, seedDemo } from '../demo/seed-demo';
import { describeSummary } from './demo';

/**
 * `wardline serve` (what `npm start` runs): opens the store, seeds the demo council when the
 * store is empty (unless --no-demo), and serves until SIGINT or SIGTERM.
 */
export async function serveCommand(config: ServiceConfig, options: { demo: boolean }): Promise<RunningServer> {
  const logger = createLogger({ level: config.logLevel });
  if (config.localDefaults.length) logger.warn({ variables: config.localDefaults }, 'not set: using local defaults (set them in production)');
  // A long-running service: commits only append to the log; a worker thread copies it into the file.
  const store = openStore(config.dbPath, { backgroundCheckpoints: true });
  if (options.demo && (await isEmptyStore(store))) {
    logger.info({ db: config.dbPath }, 'empty store: seeding the demo council');
    const summary = await seedDemo(store, { settings: config.settings });
    logger.info({ summary: describeSummary(summary).map((l) => l.trim()) }, 'demo council seeded');
  }
  return startServer({
    port: config.port,
    host: config.host,
    store,
    settings: config.settings,
    logger,
    handleSignals: true,
    deliveryLogPath: deliveryLogPathFor(config.dbPath),
  });
}
