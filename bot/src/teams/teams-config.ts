import { dirname, resolve } from 'node:path';
import type { CouncilSettings } from '@wardline/core';
import { TeamsConfigError } from './teams-errors';
import { DEFAULT_GLOBAL_PER_SECOND } from './delivery/rate-limiter';

export type Environment = Readonly<Record<string, string | undefined>>;

/** The Teams bot's configuration, read once from the environment. */
export interface TeamsConfig {
  /** WARDLINE_BOT_APP_ID (wl_BotAppId): the bot's Entra app id. Unset: the SDK runs anonymous, for local use only. */
  appId?: string;
  /** WARDLINE_BOT_APP_PASSWORD: the app's client secret. */
  appPassword?: string;
  /** WARDLINE_BOT_TENANT_ID: the council's tenant (single-tenant bot registration). */
  tenantId?: string;
  /** WARDLINE_TEAMS_APP_ID: the Teams app's manifest id, for deep links into the Wardline tab. */
  teamsAppId?: string;
  /** WARDLINE_TEAMS_LEDGER: the Teams channel's delivery ledger (default: teams.db beside the store). */
  ledgerPath: string;
  /** WARDLINE_MEDIA_DIR: where photos from the chat are kept (default: media/ beside the store). */
  mediaDir: string;
  /** WARDLINE_TEAMS_RATE: sends a second across the app (default 45; Teams allows about 50 per app per tenant). */
  globalPerSecond: number;
}

const blank = (value: string | undefined): boolean => value === undefined || value.trim() === '';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the Teams settings; names the variable when one is malformed or when production has no app id. */
export function readTeamsConfig(settings: CouncilSettings, env: Environment = process.env): TeamsConfig {
  const appId = settings.botAppId?.trim() || undefined;
  if (appId && !GUID.test(appId)) throw new TeamsConfigError('WARDLINE_BOT_APP_ID', `"${appId}" is not an Entra app id (a GUID)`);
  if (!appId && env.NODE_ENV === 'production') throw new TeamsConfigError('WARDLINE_BOT_APP_ID', 'must be set when NODE_ENV is production: without it the bot would accept unauthenticated requests');
  if (appId && blank(env.WARDLINE_BOT_APP_PASSWORD)) throw new TeamsConfigError('WARDLINE_BOT_APP_PASSWORD', 'must be set with WARDLINE_BOT_APP_ID (the bot registration\'s client secret)');
  const teamsAppId = blank(env.WARDLINE_TEAMS_APP_ID) ? undefined : env.WARDLINE_TEAMS_APP_ID?.trim();
  if (teamsAppId && !GUID.test(teamsAppId)) throw new TeamsConfigError('WARDLINE_TEAMS_APP_ID', `"${teamsAppId}" is not a GUID`);
  const db = blank(env.WARDLINE_DB) ? '.wardline/wardline.db' : (env.WARDLINE_DB as string).trim();
  const beside = (name: string): string => (db === ':memory:' ? ':memory:' : resolve(dirname(db), name));
  const rate = blank(env.WARDLINE_TEAMS_RATE) ? DEFAULT_GLOBAL_PER_SECOND : Number(env.WARDLINE_TEAMS_RATE);
  if (!Number.isFinite(rate) || rate <= 0 || rate > 50) throw new TeamsConfigError('WARDLINE_TEAMS_RATE', `"${env.WARDLINE_TEAMS_RATE}" must be a number above 0 and at most 50 (Teams' per-app limit)`);
  const mediaDir = blank(env.WARDLINE_MEDIA_DIR) ? (db === ':memory:' ? resolve('.wardline', 'media') : beside('media')) : resolve((env.WARDLINE_MEDIA_DIR as string).trim());
  return {
    appId, appPassword: env.WARDLINE_BOT_APP_PASSWORD?.trim() || undefined, tenantId: env.WARDLINE_BOT_TENANT_ID?.trim() || undefined, teamsAppId,
    ledgerPath: blank(env.WARDLINE_TEAMS_LEDGER) ? beside('teams.db') : (env.WARDLINE_TEAMS_LEDGER as string).trim(),
    mediaDir, globalPerSecond: rate,
  };
}
