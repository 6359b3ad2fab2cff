import type { Channel } from '@wardline/core';
import { notifyChannelModule } from '../notify/notify-module';
import { open311PushChannelModule } from '../open311/push-module';
import { teamsChannelModule } from '../teams/teams-routes';
import type { ServiceDeps } from './route-module';

/** An outbox channel the service registers with the dispatcher (Teams, Notify, Open311 updates). */
export interface ChannelModule {
  /** Shown in the start-up log. */
  name: string;
  create(deps: ServiceDeps): Channel;
}

/**
 * The outbox channels the service runs, beside the log channel. To add yours, import it and
 * append ONE line to this list; startServer creates each with the service's dependencies.
 */
export const channelModules: ChannelModule[] = [
  notifyChannelModule,
  open311PushChannelModule,
  teamsChannelModule,
];
