import type { ChannelModule } from '../server/channels';
import { createOpen311PushChannel } from './push-channel';

/** The Open311 push channel for the service: clients with an update endpoint (`keys add --push-url`) get job updates posted. */
export const open311PushChannelModule: ChannelModule = {
  name: 'open311',
  create: (deps) => createOpen311PushChannel({ store: deps.store }),
};
