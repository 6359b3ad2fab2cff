import { IntakeError, IntakeErrors } from './intake-errors';

/**
 * Where a job field comes from in a posted form: a field path (`data.location.lat`, `3.3`), a
 * fixed value, several fields joined, a part of a split field, and an optional table of values
 * (the form's words to Wardline's codes).
 */
export interface FieldRule {
  field?: string;
  fields?: string[];
  separator?: string;
  value?: string | number;
  split?: string;
  part?: number;
  map?: Record<string, string>;
  default?: string;
}

export const JOB_FIELDS = ['taskType', 'title', 'description', 'latitude', 'longitude', 'easting', 'northing', 'address', 'uprn', 'usrn', 'reporterName', 'reporterEmail', 'reporterPhone', 'assetExternalId', 'reportedOn', 'externalReference'] as const;
export type JobField = (typeof JOB_FIELDS)[number];

export interface SignatureRule {
  /** Header carrying the HMAC of `${timestamp}.${body}` (or of the body alone when there is no timestamp header). */
  header: string;
  algorithm: 'sha256' | 'sha512';
  encoding: 'hex' | 'base64';
  /** Text before the digest in the header, e.g. `sha256=`. */
  prefix?: string;
  /** Environment variable holding the shared secret. */
  secretVariable: string;
  /** Header with the time of sending (Unix seconds or ISO 8601); posts older than the tolerance are refused. */
  timestampHeader: string;
  toleranceSeconds: number;
}

export interface SensorRule {
  /** Field with the fill level (percent). */
  levelField: string;
  /** At or above this a job is raised (once, until that job is closed). */
  threshold: number;
}

export interface SourceDefinition {
  source: string;
  label: string;
  channel: 'webform' | 'sensor';
  signature: SignatureRule;
  fields: Partial<Record<JobField, FieldRule>>;
  sensor?: SensorRule;
  /** Where it was read from, for messages. */
  file: string;
}

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

function fail(file: string, path: string, problem: string): never {
  throw new IntakeError(500, IntakeErrors.BadDefinition, { file, path, problem });
}

function text(file: string, path: string, value: unknown, required = true): string | undefined {
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || value.trim() === '') return fail(file, path, 'must be a non-empty string');
  return value;
}

function fieldRule(file: string, path: string, raw: unknown): FieldRule {
  if (typeof raw === 'string') return { field: raw };
  if (!isObject(raw)) return fail(file, path, 'must be a field path ("data.details") or an object such as {"field": "...", "map": {...}}');
  const known = ['field', 'fields', 'separator', 'value', 'split', 'part', 'map', 'default'];
  const unknown = Object.keys(raw).find((k) => !known.includes(k));
  if (unknown) fail(file, `${path}.${unknown}`, `is not a known option (${known.join(', ')})`);
  const sources = ['field', 'fields', 'value'].filter((k) => raw[k] !== undefined);
  if (sources.length !== 1) fail(file, path, 'needs exactly one of field, fields or value');
  if (raw.fields !== undefined && (!Array.isArray(raw.fields) || raw.fields.some((f) => typeof f !== 'string'))) fail(file, `${path}.fields`, 'must be a list of field paths');
  if (raw.map !== undefined && (!isObject(raw.map) || Object.values(raw.map).some((v) => typeof v !== 'string'))) fail(file, `${path}.map`, 'must be an object of form value to Wardline value');
  if (raw.part !== undefined && (typeof raw.part !== 'number' || !Number.isInteger(raw.part) || raw.part < 0)) fail(file, `${path}.part`, 'must be a whole number from 0');
  if (raw.split !== undefined && typeof raw.split !== 'string') fail(file, `${path}.split`, 'must be text');
  return raw as FieldRule;
}

/**
 * Checks a council-edited source definition (bot/intake-sources/NAME.json). Problems name the
 * file and the JSON path, so the service refuses to start with a message that says what to fix.
 */
export function readSourceDefinition(file: string, raw: unknown): SourceDefinition {
  if (!isObject(raw)) return fail(file, '$', 'must be a JSON object');
  const source = text(file, 'source', raw.source) as string;
  if (!/^[a-z0-9-]{1,50}$/.test(source)) fail(file, 'source', `"${source}" must be 1 to 50 lower-case letters, digits or dashes (it is the URL: /api/intake/${source})`);
  const channel = raw.channel ?? 'webform';
  if (channel !== 'webform' && channel !== 'sensor') fail(file, 'channel', 'must be webform or sensor');
  const signature = raw.signature;
  if (!isObject(signature)) return fail(file, 'signature', 'is required: every source is signed (HMAC) so posts cannot be forged or replayed');
  const algorithm = signature.algorithm ?? 'sha256';
  if (algorithm !== 'sha256' && algorithm !== 'sha512') fail(file, 'signature.algorithm', 'must be sha256 or sha512');
  const encoding = signature.encoding ?? 'hex';
  if (encoding !== 'hex' && encoding !== 'base64') fail(file, 'signature.encoding', 'must be hex or base64');
  const tolerance = signature.toleranceSeconds ?? 300;
  if (typeof tolerance !== 'number' || tolerance < 1 || tolerance > 3600) fail(file, 'signature.toleranceSeconds', 'must be a number of seconds from 1 to 3600');
  const secretVariable = text(file, 'signature.secretVariable', signature.secretVariable) as string;
  if (!/^[A-Z][A-Z0-9_]*$/.test(secretVariable)) fail(file, 'signature.secretVariable', 'must be an environment variable name in capitals, e.g. WARDLINE_INTAKE_SECRET_FIRMSTEP');
  if (!isObject(raw.fields)) return fail(file, 'fields', 'must map job fields (taskType, description, latitude, ...) to form fields');
  const fields: Partial<Record<JobField, FieldRule>> = {};
  for (const [key, rule] of Object.entries(raw.fields)) {
    if (!(JOB_FIELDS as readonly string[]).includes(key)) fail(file, `fields.${key}`, `is not a job field (${JOB_FIELDS.join(', ')})`);
    fields[key as JobField] = fieldRule(file, `fields.${key}`, rule);
  }
  if (!fields.taskType) fail(file, 'fields.taskType', 'is required (a field with a value table, or {"value": "task-type-code"})');
  const located = (fields.latitude && fields.longitude) || (fields.easting && fields.northing) || fields.assetExternalId;
  if (!located) fail(file, 'fields', 'needs a location: latitude and longitude, easting and northing, or assetExternalId');
  if (!fields.externalReference) fail(file, 'fields.externalReference', "is required: the form's own reference makes a repeated post one job");
  let sensor: SensorRule | undefined;
  if (channel === 'sensor') {
    if (!isObject(raw.sensor)) return fail(file, 'sensor', 'is required for a sensor source: {"levelField": "...", "threshold": 80}');
    const threshold = raw.sensor.threshold;
    if (typeof threshold !== 'number' || threshold <= 0 || threshold > 100) fail(file, 'sensor.threshold', 'must be a percentage above 0 and at most 100');
    sensor = { levelField: text(file, 'sensor.levelField', raw.sensor.levelField) as string, threshold: threshold as number };
  }
  return {
    source,
    label: text(file, 'label', raw.label, false) ?? source,
    channel,
    file,
    sensor,
    fields,
    signature: {
      header: (text(file, 'signature.header', signature.header) as string).toLowerCase(),
      algorithm,
      encoding,
      prefix: text(file, 'signature.prefix', signature.prefix, false),
      secretVariable,
      timestampHeader: (text(file, 'signature.timestampHeader', signature.timestampHeader) as string).toLowerCase(),
      toleranceSeconds: tolerance as number,
    },
  };
}
