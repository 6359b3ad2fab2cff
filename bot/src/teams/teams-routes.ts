import type { Channel } from '@wardline/core/outbox';
import type { RouteModule } from '../server/route-module';
import { createTeamsRuntime, type TeamsRuntime } from './teams-runtime';

let current: TeamsRuntime | undefined;

/**
 * The Teams bot as a route module: /api/messages (Bot Framework protocol through the Agents SDK)
 * and /api/teams/media. Its outbox channel and shutdown hook are picked up by startServer.
 */
export const teamsRoutes: RouteModule & { channels(): readonly Channel[]; close(): Promise<void> } = {
  name: 'teams',
  mount(app, deps) {
    current = createTeamsRuntime(deps);
    current.mount(app);
  },
  channels() {
    return current ? [current.channel] : [];
  },
  async close() {
    await current?.close();
    current = undefined;
  },
};
