import type { Express } from 'express';
import type { Logger } from 'pino';
import type { CouncilSettings, Store } from '@wardline/core';

/** What every route module is given: the one store, the council's settings, the logger and the clock. */
export interface ServiceDeps {
  store: Store;
  settings: CouncilSettings;
  logger: Logger;
  /** The current time; tests pass a fixed clock. */
  clock: () => Date;
}

/**
 * A set of routes mounted on the service (the bot at /api/messages, Open311 at /open311/v2,
 * web-form intake at /api/intake/:source, the Teams tab at /tab and /api/tab, resident pages at
 * /report and /status/:reference). Each is registered once, in routes.ts.
 */
export interface RouteModule {
  /** Shown in the start-up log, e.g. "open311". */
  name: string;
  mount(app: Express, deps: ServiceDeps): void;
}
