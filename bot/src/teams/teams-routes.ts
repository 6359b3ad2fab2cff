import type { Store } from '@wardline/core';
import type { ChannelModule } from '../server/channels';
import type { RouteModule, ServiceDeps } from '../server/route-module';
import { createTeamsRuntime, type TeamsRuntime } from './teams-runtime';

/** One Teams runtime per store, shared by the route module and the channel module. */
const runtimes = new WeakMap<Store, TeamsRuntime>();
const runtimeFor = (deps: ServiceDeps): TeamsRuntime => {
  let runtime = runtimes.get(deps.store);
  if (!runtime) {
    runtime = createTeamsRuntime(deps);
    runtimes.set(deps.store, runtime);
  }
  return runtime;
};

/** The Teams bot's routes: POST /api/messages (through the Agents SDK) and GET /api/teams/media/…. */
export const teamsRoutes: RouteModule = {
  name: 'teams',
  mount(app, deps) {
    runtimeFor(deps).mount(app);
  },
};

/** The Teams outbox channel, registered with the dispatcher by startServer. */
export const teamsChannelModule: ChannelModule = {
  name: 'teams',
  create: (deps) => runtimeFor(deps).channel,
};
