import express, { type Express } from 'express';
import { errorHandler, notFound } from './error-handler';
import { healthHandler } from './health';
import { requestLogging } from './logger';
import { requestId } from './request-id';
import type { RouteModule, ServiceDeps } from './route-module';
import { routeModules } from './routes';

export interface CreateAppOptions extends ServiceDeps {
  /** Route modules to mount; defaults to the list in routes.ts. */
  routes?: readonly RouteModule[];
  startedAt?: Date;
}

/**
 * The Wardline HTTP app (Express 5): request ids, request logs, /healthz, every route module,
 * then a JSON 404 and the error handler. No listening here: see startServer.
 */
export function createApp(options: CreateAppOptions): Express {
  const { routes = routeModules, startedAt = new Date(), ...deps } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', true);
  app.use(requestId);
  app.use(requestLogging(deps.logger));
  app.get('/healthz', healthHandler(deps.store, startedAt));
  for (const module of routes) {
    module.mount(app, deps);
    deps.logger.debug({ routes: module.name }, 'routes mounted');
  }
  app.use(notFound);
  app.use(errorHandler(deps.logger));
  return app;
}
