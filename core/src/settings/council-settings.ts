/** A place whose surroundings raise a job's priority (a school, a care home). */
export interface SensitiveLocation {
  name: string;
  latitude: number;
  longitude: number;
  /** Metres. */
  radius: number;
}

export type BankHolidayRegion = 'england-and-wales' | 'scotland' | 'northern-ireland';

/** Start and end of the working day as `HH:MM` local time, with minutes since midnight. */
export interface WorkingHours {
  start: string;
  end: string;
  startMinutes: number;
  endMinutes: number;
}

/**
 * Council-level settings, read once from the environment (Dataverse environment variables in a
 * tenant, process variables locally). Every field comes from `core/model`'s environmentVariables.
 */
export interface CouncilSettings {
  councilName: string;
  councilCode?: string;
  serviceUrl: string;
  /** IANA zone, e.g. Europe/London. */
  timeZone: string;
  workingHours: WorkingHours;
  /** ISO weekdays (1 = Monday ... 7 = Sunday) that count towards service levels. */
  workingDays: number[];
  bankHolidayRegion: BankHolidayRegion;
  tileUrl?: string;
  tileAttribution?: string;
  /** Metres: a report this close to an asset is attached to it. */
  snapRadius: number;
  sensitiveLocations: SensitiveLocation[];
  notifyApiKey?: string;
  /** Event name -> template ids, as the council configured them in GOV.UK Notify. */
  notifyTemplates: Record<string, { email?: string; sms?: string }>;
  /** Bearer token GOV.UK Notify sends with delivery receipts. */
  notifyCallbackToken?: string;
  /** Open311 jurisdiction_id this council answers to. */
  open311Jurisdiction?: string;
  /** Default Open311 requests a minute per API key. */
  open311RequestsPerMinute: number;
  /** Who Open311 client developers should contact. */
  open311Contact?: string;
  botAppId?: string;
  tabAppId?: string;
  /** Metres: the offer radius for volunteers who set none of their own. */
  volunteerRadius: number;
}
