/** bot/server: the Wardline HTTP service skeleton. Route modules are registered in routes.ts. */
export { createApp, type CreateAppOptions } from './create-app';
export { startServer, type StartServerOptions, type RunningServer } from './start-server';
export { createLogger, requestLogging } from './logger';
export { requestId, requestIdOf, REQUEST_ID_HEADER } from './request-id';
export { healthHandler } from './health';
export { startOutbox, type BackgroundWorker, type OutboxOptions } from './outbox';
export { routeModules } from './routes';
export type { RouteModule, ServiceDeps } from './route-module';
