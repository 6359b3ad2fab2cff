import { SettingError } from '../errors';
import { environmentVariables } from '../model';
import type { EnvironmentVariableDef } from '../model';
import type { BankHolidayRegion, CouncilSettings, SensitiveLocation, WorkingHours } from './council-settings';

/** The environment as a plain map (process.env, or Dataverse environment variables by local name). */
export type SettingsSource = Readonly<Record<string, string | undefined>>;

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const REGIONS: readonly BankHolidayRegion[] = ['england-and-wales', 'scotland', 'northern-ireland'];

function definition(schemaName: string): EnvironmentVariableDef {
  const found = environmentVariables.find((v) => v.schemaName === schemaName);
  if (!found) throw new Error(`core/model declares no environment variable ${schemaName}`);
  return found;
}

/** Reads one variable: the set value, else the model's default; blank counts as not set. */
class Reader {
  constructor(private readonly source: SettingsSource) {}

  raw(schemaName: string): { def: EnvironmentVariableDef; value: string | undefined } {
    const def = definition(schemaName);
    const set = this.source[def.localName];
    const value = set !== undefined && set.trim() !== '' ? set.trim() : def.defaultValue;
    if (value === undefined && def.required) throw this.error(def, 'is required but not set');
    return { def, value };
  }

  error(def: EnvironmentVariableDef, problem: string): SettingError {
    return new SettingError(def.localName, def.schemaName, problem);
  }

  text(schemaName: string): string | undefined {
    return this.raw(schemaName).value;
  }

  required(schemaName: string): string {
    const { def, value } = this.raw(schemaName);
    if (value === undefined) throw this.error(def, 'is required but not set');
    return value;
  }

  number(schemaName: string, min: number, max: number): number {
    const { def, value } = this.raw(schemaName);
    const parsed = Number(value);
    if (value === undefined || !Number.isFinite(parsed) || parsed < min || parsed > max) {
      throw this.error(def, `"${value ?? ''}" is not a number from ${min} to ${max}`);
    }
    return parsed;
  }

  json(schemaName: string): { def: EnvironmentVariableDef; parsed: unknown } {
    const { def, value } = this.raw(schemaName);
    try {
      return { def, parsed: JSON.parse(value ?? 'null') };
    } catch (error) {
      throw this.error(def, `is not valid JSON (${(error as Error).message})`);
    }
  }
}

function parseClock(text: string): number | undefined {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

function workingHours(reader: Reader): WorkingHours {
  const { def, value = '' } = reader.raw('wl_WorkingHours');
  const [start = '', end = '', extra] = value.split('-').map((part) => part.trim());
  const startMinutes = parseClock(start);
  const endMinutes = parseClock(end);
  if (extra !== undefined || startMinutes === undefined || endMinutes === undefined || endMinutes <= startMinutes) {
    throw reader.error(def, `"${value}" is not HH:MM-HH:MM with the end after the start (e.g. 08:00-17:00)`);
  }
  return { start, end, startMinutes, endMinutes };
}

function workingDays(reader: Reader): number[] {
  const { def, value = '' } = reader.raw('wl_WorkingDays');
  const days = value.split(',').map((day) => day.trim().slice(0, 3).toLowerCase()).filter(Boolean);
  const numbers = days.map((day) => WEEKDAYS.indexOf(day) + 1);
  const bad = days.find((_day, i) => numbers[i] === 0);
  if (bad !== undefined || numbers.length === 0) {
    throw reader.error(def, `"${value}" is not a comma-separated list of days such as Mon,Tue,Wed,Thu,Fri`);
  }
  return [...new Set(numbers)].sort((a, b) => a - b);
}

function timeZone(reader: Reader): string {
  const { def, value = '' } = reader.raw('wl_TimeZone');
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: value });
  } catch {
    throw reader.error(def, `"${value}" is not an IANA time zone such as Europe/London`);
  }
  return value;
}

function bankHolidayRegion(reader: Reader): BankHolidayRegion {
  const { def, value = '' } = reader.raw('wl_BankHolidayRegion');
  const region = REGIONS.find((r) => r === value.toLowerCase());
  if (!region) throw reader.error(def, `"${value}" is not one of ${REGIONS.join(', ')}`);
  return region;
}

function isFiniteIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
}

function sensitiveLocations(reader: Reader): SensitiveLocation[] {
  const { def, parsed } = reader.json('wl_SensitiveLocations');
  if (!Array.isArray(parsed)) throw reader.error(def, 'must be a JSON list of {name, latitude, longitude, radius}');
  return parsed.map((item: unknown, index) => {
    const entry = (item ?? {}) as Record<string, unknown>;
    const ok = typeof entry.name === 'string' && entry.name.trim() !== '' && isFiniteIn(entry.latitude, -90, 90)
      && isFiniteIn(entry.longitude, -180, 180) && isFiniteIn(entry.radius, 1, 100000);
    if (!ok) throw reader.error(def, `entry ${index + 1} needs a name, latitude, longitude and a radius in metres (1 to 100000)`);
    return { name: String(entry.name), latitude: Number(entry.latitude), longitude: Number(entry.longitude), radius: Number(entry.radius) };
  });
}

function notifyTemplates(reader: Reader): CouncilSettings['notifyTemplates'] {
  const { def, parsed } = reader.json('wl_NotifyTemplates');
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw reader.error(def, 'must be a JSON object of event name to {"email": id, "sms": id}');
  }
  const templates: CouncilSettings['notifyTemplates'] = {};
  for (const [event, ids] of Object.entries(parsed as Record<string, unknown>)) {
    const entry = (ids ?? {}) as Record<string, unknown>;
    const bad = ['email', 'sms'].find((k) => entry[k] !== undefined && typeof entry[k] !== 'string');
    if (typeof ids !== 'object' || bad) throw reader.error(def, `templates for "${event}" must be {"email": id, "sms": id}`);
    templates[event] = { email: entry.email as string | undefined, sms: entry.sms as string | undefined };
  }
  return templates;
}

/**
 * Reads the council's settings once, from an environment-like object, using the model's
 * environment variables (their local names and defaults).
 * @throws SettingError naming the variable when one is missing or malformed.
 */
export function readCouncilSettings(source: SettingsSource): CouncilSettings {
  const reader = new Reader(source);
  return {
    councilName: reader.required('wl_CouncilName'),
    councilCode: reader.text('wl_CouncilCode'),
    serviceUrl: reader.required('wl_ServiceUrl'),
    timeZone: timeZone(reader),
    workingHours: workingHours(reader),
    workingDays: workingDays(reader),
    bankHolidayRegion: bankHolidayRegion(reader),
    tileUrl: reader.text('wl_TileUrlTemplate'),
    tileAttribution: reader.text('wl_TileAttribution'),
    snapRadius: reader.number('wl_SnapRadius', 0, 1000),
    sensitiveLocations: sensitiveLocations(reader),
    notifyApiKey: reader.text('wl_NotifyApiKey'),
    notifyTemplates: notifyTemplates(reader),
    notifyCallbackToken: reader.text('wl_NotifyCallbackToken'),
    open311Jurisdiction: reader.text('wl_Open311Jurisdiction'),
    open311RequestsPerMinute: reader.number('wl_Open311RequestsPerMinute', 1, 100000),
    open311Contact: reader.text('wl_Open311Contact'),
    botAppId: reader.text('wl_BotAppId'),
    tabAppId: reader.text('wl_TabAppId'),
    volunteerRadius: reader.number('wl_VolunteerOfferRadius', 0, 100000),
  };
}
