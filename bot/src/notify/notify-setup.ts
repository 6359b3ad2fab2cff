import type { Logger } from 'pino';
import type { CouncilSettings } from '@wardline/core';
import { parseNotifyKey } from './notify-auth';
import { NOTIFY_PRODUCTION_URL, NotifyApi } from './notify-client';
import { NotifyConfigError } from './notify-errors';

/**
 * The Notify client for the council's key, or undefined when there is none (then nothing is
 * sent and the channel says so once). A malformed key is logged with what to do, not thrown:
 * the rest of the service keeps running. WARDLINE_NOTIFY_BASE_URL points elsewhere than
 * Notify's production API (tests use a loopback server).
 */
export function notifyApiFor(settings: CouncilSettings, env: Readonly<Record<string, string | undefined>>, logger: Logger): NotifyApi | undefined {
  if (!settings.notifyApiKey) return undefined;
  try {
    return new NotifyApi(parseNotifyKey(settings.notifyApiKey), env.WARDLINE_NOTIFY_BASE_URL?.trim() || NOTIFY_PRODUCTION_URL);
  } catch (error) {
    if (error instanceof NotifyConfigError) {
      logger.error({ code: error.code }, error.message);
      return undefined;
    }
    throw error;
  }
}
