import { environmentVariables } from '@wardline/core';
import { ConfigError } from '../config';

/** What the Open311 edge reads from the environment (core/model environment variables), once. */
export interface Open311Config {
  /** Jurisdictions served; empty means any (single-jurisdiction endpoints may ignore jurisdiction_id). */
  jurisdictions: string[];
  /** Requests a minute per key that sets none of its own. */
  requestsPerMinute: number;
  /** Who client developers contact (discovery). */
  contact: string;
}

const local = (schemaName: string): { name: string; fallback?: string } => {
  const def = environmentVariables.find((v) => v.schemaName === schemaName);
  return { name: def?.localName ?? schemaName, fallback: def?.defaultValue };
};

export function readOpen311Config(env: Readonly<Record<string, string | undefined>>): Open311Config {
  const jurisdiction = local('wl_Open311Jurisdiction');
  const rate = local('wl_Open311RequestsPerMinute');
  const contact = local('wl_Open311Contact');
  const rateText = env[rate.name]?.trim() || rate.fallback || '600';
  const requestsPerMinute = Number(rateText);
  if (!/^\d+$/.test(rateText) || requestsPerMinute < 1) throw new ConfigError(rate.name, `"${rateText}" is not a whole number of requests a minute (1 or more)`);
  return {
    jurisdictions: (env[jurisdiction.name] ?? '').split(',').map((j) => j.trim()).filter(Boolean),
    requestsPerMinute,
    contact: env[contact.name]?.trim() || 'Ask the council for an API key and support contact.',
  };
}
