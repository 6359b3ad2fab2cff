import type { Express } from 'express';
import { createAuthenticator, developmentSignInRoutes, readIdentityConfig, type IdentityConfig } from '../identity';
import { mediaStoreFor, type MediaStore } from '../intake/media-store';
import { sharedTaskService } from '../intake/shared-task-service';
import type { RouteModule, ServiceDeps } from '../server/route-module';
import { createDirectory } from './directory';
import { readRoutes } from './read-routes';
import { defaultTabDist, staticApp } from './static-app';
import type { TabContext } from './tab-context';
import { tabErrorHandler } from './tab-errors';
import { writeRoutes } from './write-routes';

export interface TabOptions {
  env?: Readonly<Record<string, string | undefined>>;
  identity?: IdentityConfig;
  media?: MediaStore;
  /** The built app (default tab/dist). */
  dist?: string;
}

export function createTabContext(deps: ServiceDeps, options: TabOptions = {}): TabContext {
  const env = options.env ?? process.env;
  const identity = options.identity ?? readIdentityConfig(env);
  return {
    ...deps,
    auth: createAuthenticator(identity, deps.store, deps.clock),
    tasks: () => sharedTaskService(deps),
    directory: createDirectory(deps.store),
    media: options.media ?? mediaStoreFor(env, deps.settings.serviceUrl),
  };
}

/** The Teams tab: the web app at /tab/ and its API at /api/tab/. */
export function createTabRoutes(options: TabOptions = {}): RouteModule {
  return {
    name: 'tab',
    mount(app: Express, deps: ServiceDeps) {
      const context = createTabContext(deps, options);
      app.use('/api/tab', developmentSignInRoutes(context.auth.config, deps.store, deps.clock), readRoutes(context), writeRoutes(context), tabErrorHandler);
      app.use('/tab', staticApp(options.dist ?? defaultTabDist(options.env ?? process.env), context.media), tabErrorHandler);
      deps.logger.info({ identity: context.auth.config.mode }, context.auth.config.mode === 'development' ? 'tab: DEVELOPMENT sign-in is on (no WARDLINE_TAB_APP_ID): anyone can pick a person' : 'tab: Entra ID single sign-on');
    },
  };
}

export const tabRoutes: RouteModule = createTabRoutes();
