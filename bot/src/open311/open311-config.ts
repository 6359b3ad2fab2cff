import type { CouncilSettings } from '@wardline/core';

/** What the Open311 edge takes from the council's settings (core/model environment variables). */
export interface Open311Config {
  /** Jurisdictions served; empty means any (single-jurisdiction endpoints may ignore jurisdiction_id). */
  jurisdictions: string[];
  /** Requests a minute per key that sets none of its own. */
  requestsPerMinute: number;
  /** Who client developers contact (discovery). */
  contact: string;
}

/** wl_Open311Jurisdiction (comma-separated for several), wl_Open311RequestsPerMinute, wl_Open311Contact. */
export function open311ConfigFrom(settings: CouncilSettings): Open311Config {
  return {
    jurisdictions: (settings.open311Jurisdiction ?? '').split(',').map((j) => j.trim()).filter(Boolean),
    requestsPerMinute: settings.open311RequestsPerMinute,
    contact: settings.open311Contact?.trim() || `Ask ${settings.councilName} for an API key and a support contact.`,
  };
}
