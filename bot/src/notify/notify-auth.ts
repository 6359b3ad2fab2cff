import { NotifyConfigError, NotifyErrors } from './notify-errors';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const KEY = new RegExp(`^(.+)-(${UUID})-(${UUID})$`, 'i');

/** The parts of a Notify API key: `{name}-{service id}-{secret}`. */
export interface NotifyKey {
  name: string;
  serviceId: string;
  secret: string;
  /** The whole key, as notifications-node-client takes it. */
  key: string;
}

/**
 * Reads a GOV.UK Notify API key. The JWT itself (HS256, `iss` the service id, `iat` now, signed
 * with the secret) is made per request by notifications-node-client.
 */
export function parseNotifyKey(key: string): NotifyKey {
  const match = KEY.exec(key.trim());
  if (!match) throw new NotifyConfigError(NotifyErrors.BadKey);
  return { name: match[1] as string, serviceId: match[2] as string, secret: match[3] as string, key: key.trim() };
}
