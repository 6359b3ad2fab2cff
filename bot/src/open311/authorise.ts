import { Open311Error, Open311Errors } from './open311-errors';
import type { Open311Call, Open311Context } from './open311-context';
import { value } from './parse-form';

/**
 * jurisdiction_id: ignored by a single-jurisdiction endpoint unless it names another one (404);
 * required when the council serves several (400).
 */
export function checkJurisdiction(context: Open311Context, call: Open311Call): void {
  const given = value(call.fields, 'jurisdiction_id');
  const served = context.config.jurisdictions;
  if (served.length === 0) return;
  if (given === undefined) {
    if (served.length > 1) throw Open311Error.many([`jurisdiction_id is required: this endpoint serves ${served.join(', ')}.`]);
    return;
  }
  if (!served.includes(given)) throw new Open311Error(404, Open311Errors.BadJurisdiction, { given: given.slice(0, 100), expected: served.join(', ') });
}

/** api_key: 403 when missing or unknown; then the key's request limit (429). */
export async function requireClient(context: Open311Context, call: Open311Call, operation: string): Promise<void> {
  const key = value(call.fields, 'api_key');
  if (key === undefined) throw new Open311Error(403, Open311Errors.MissingApiKey, { operation });
  const client = await context.keys.find(key);
  if (!client) throw new Open311Error(403, Open311Errors.BadApiKey);
  const limit = client.requestsPerMinute ?? context.config.requestsPerMinute;
  const taken = context.limiter.take(client.name, limit);
  if (!taken.allowed) throw new Open311Error(429, Open311Errors.RateLimited, { name: client.name, limit, seconds: taken.retryAfterSeconds });
  call.client = client;
  call.log = call.log.child({ open311Client: client.name });
}
