import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { CouncilSettings, Store } from '@wardline/core';
import { createApp } from './create-app';
import { createLogger } from './logger';
import { startOutbox, type BackgroundWorker } from './outbox';
import { channelModules, type ChannelModule } from './channels';
import type { RouteModule } from './route-module';

export interface StartServerOptions {
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  store: Store;
  settings: CouncilSettings;
  logger?: Logger;
  clock?: () => Date;
  routes?: readonly RouteModule[];
  /** Outbox channels beside the log channel (default: the list in channels.ts). */
  channels?: readonly ChannelModule[];
  /** Start the outbox dispatcher with its channels (default true). */
  outbox?: boolean;
  /** The log channel's delivery record (default ':memory:'; main.ts puts it beside the store file). */
  deliveryLogPath?: string;
  /** Stop gracefully on SIGINT and SIGTERM and then exit the process (default false; main.ts turns it on). */
  handleSignals?: boolean;
  /** How long to wait for in-flight requests before cutting connections (default 10 s). */
  shutdownTimeoutMs?: number;
}

export interface RunningServer {
  server: Server;
  port: number;
  url: string;
  /**
   * Graceful shutdown: stop accepting connections, let in-flight requests finish (up to the
   * timeout), stop the outbox dispatcher, close the store. Safe to call more than once.
   */
  close(): Promise<void>;
}

/** Starts the Wardline service: the app from createApp, listening, with the outbox running. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const logger = options.logger ?? createLogger();
  const clock = options.clock ?? (() => new Date());
  const app = createApp({ store: options.store, settings: options.settings, logger, clock, routes: options.routes });
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${options.host && options.host !== '0.0.0.0' && options.host !== '::' ? options.host : 'localhost'}:${port}`;
  const workers: BackgroundWorker[] = options.outbox === false ? [] : [startOutbox({
    store: options.store, logger, clock, deliveryLogPath: options.deliveryLogPath,
    channels: (options.channels ?? channelModules).map((module) => module.create({ store: options.store, settings: options.settings, logger, clock })),
  })];
  logger.info({ url, store: options.store.kind, council: options.settings.councilName }, 'Wardline is listening');

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= shutdown(server, workers, options.store, logger, options.shutdownTimeoutMs ?? 10_000);
    return closing;
  };
  if (options.handleSignals) {
    const onSignal = (signal: NodeJS.Signals) => {
      logger.info({ signal }, 'shutting down');
      close().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  return { server, port, url, close };
}

async function shutdown(server: Server, workers: BackgroundWorker[], store: Store, logger: Logger, timeoutMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive connections with no request in flight would hold server.close() open.
  server.closeIdleConnections();
  const timer = setTimeout(() => {
    logger.warn({ timeoutMs }, 'in-flight requests did not finish in time; closing their connections');
    server.closeAllConnections();
  }, timeoutMs);
  timer.unref();
  await closed;
  clearTimeout(timer);
  for (const worker of workers) await worker.stop();
  await store.close();
  logger.info('Wardline stopped');
}
