import type { Express } from 'express';
import type { RouteModule, ServiceDeps } from '../server/route-module';
import { mediaStoreFor, type MediaStore } from '../intake/media-store';
import { sharedTaskService } from '../intake/shared-task-service';
import { ApiKeyRegistry } from './api-keys';
import type { Open311Context } from './open311-context';
import { open311ConfigFrom, type Open311Config } from './open311-config';
import { createOpen311Router } from './open311-router';
import { RateLimiter } from './rate-limit';
import { ServiceCatalogue } from './service-catalogue';

export interface Open311Options {
  /** Environment for WARDLINE_MEDIA_DIR (default process.env); Open311 settings come from the council's settings. */
  env?: Readonly<Record<string, string | undefined>>;
  config?: Open311Config;
  media?: MediaStore;
  /** How long the service list is cached before the task types are read again. */
  catalogueTtlMs?: number;
}

/** Builds the handlers' context from the service's dependencies. */
export function createOpen311Context(deps: ServiceDeps, options: Open311Options = {}): Open311Context {
  const env = options.env ?? process.env;
  const ttl = options.catalogueTtlMs ?? 5_000;
  let cached: { at: number; catalogue: ServiceCatalogue } | undefined;
  return {
    ...deps,
    config: options.config ?? open311ConfigFrom(deps.settings),
    keys: new ApiKeyRegistry(deps.store, deps.clock),
    limiter: new RateLimiter(deps.clock),
    media: options.media ?? mediaStoreFor(env, deps.settings.serviceUrl),
    tasks: () => sharedTaskService(deps),
    async catalogue() {
      const now = Date.now();
      if (!cached || now - cached.at > ttl) cached = { at: now, catalogue: new ServiceCatalogue(await deps.store.listTaskTypes()) };
      return cached.catalogue;
    },
  };
}

/** The route module for routes.ts: GeoReport v2 at /open311/v2. */
export function createOpen311Routes(options: Open311Options = {}): RouteModule {
  return {
    name: 'open311',
    mount(app: Express, deps: ServiceDeps) {
      app.use('/open311/v2', createOpen311Router(createOpen311Context(deps, options)));
    },
  };
}

export const open311Routes: RouteModule = createOpen311Routes();
