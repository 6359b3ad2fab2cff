import type { ChannelModule } from '../server/channels';
import { createNotifyChannel } from './notify-channel';
import { notifyApiFor } from './notify-setup';

/** The Notify channel for the service: the council's key from its settings (none: nothing is sent, one log line says so). */
export const notifyChannelModule: ChannelModule = {
  name: 'notify',
  create: (deps) => createNotifyChannel({ store: deps.store, settings: deps.settings, logger: deps.logger, api: notifyApiFor(deps.settings, process.env, deps.logger) }),
};
