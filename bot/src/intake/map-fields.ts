import { fromBritishNationalGrid, type NewTask } from '@wardline/core';
import { IntakeError, IntakeErrors } from './intake-errors';
import type { FieldRule, JobField, SourceDefinition } from './source-definition';

export type Payload = Record<string, unknown>;

/** A field by path: the whole path as one key first (form builders use names like `3.3`), then dotted steps. */
export function valueAt(payload: Payload, path: string): unknown {
  if (path in payload) return payload[path];
  let node: unknown = payload;
  for (const step of path.split('.')) {
    if (!node || typeof node !== 'object') return undefined;
    node = Array.isArray(node) && /^\d+$/.test(step) ? node[Number(step)] : (node as Record<string, unknown>)[step];
  }
  return node;
}

const asText = (value: unknown): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'object' && 'value' in (value as Record<string, unknown>)) return asText((value as Record<string, unknown>).value);
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
};

/** Applies one rule to a posted form. */
export function applyRule(rule: FieldRule, payload: Payload): string | undefined {
  let text: string | undefined;
  if (rule.value !== undefined) text = String(rule.value);
  else if (rule.fields) text = rule.fields.map((f) => asText(valueAt(payload, f))).filter(Boolean).join(rule.separator ?? ' ') || undefined;
  else if (rule.field) text = asText(valueAt(payload, rule.field));
  if (text !== undefined && rule.split !== undefined) text = text.split(rule.split)[rule.part ?? 0]?.trim() || undefined;
  if (text !== undefined && rule.map) text = rule.map[text] ?? rule.map[text.toLowerCase()] ?? (rule.map['*'] !== undefined ? rule.map['*'] : `\u0000${text}`);
  return text ?? rule.default;
}

function number(source: string, field: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new IntakeError(400, IntakeErrors.BadField, { source, field, problem: `"${text.slice(0, 40)}" is not a number` });
  return value;
}

/**
 * A posted form as a report, by the source's rules. A value the form sent that its value table
 * does not know is a 400 naming the field and the values it knows; so are a missing task type
 * or description and coordinates that are not numbers.
 */
export function mapToReport(definition: SourceDefinition, payload: Payload): Omit<NewTask, 'latitude' | 'longitude'> & { latitude?: number; longitude?: number } {
  const { source } = definition;
  const get = (field: JobField): string | undefined => {
    const rule = definition.fields[field];
    if (!rule) return undefined;
    const value = applyRule(rule, payload);
    if (value?.startsWith('\u0000')) {
      throw new IntakeError(400, IntakeErrors.BadField, { source, field: rule.field ?? field, problem: `"${value.slice(1, 60)}" is not one of ${Object.keys(rule.map ?? {}).join(', ')}` });
    }
    return value;
  };
  const taskTypeCode = get('taskType');
  if (!taskTypeCode) throw new IntakeError(400, IntakeErrors.BadField, { source, field: definition.fields.taskType?.field ?? 'taskType', problem: 'is required: it says what kind of job this is' });
  let latitude = number(source, 'latitude', get('latitude'));
  let longitude = number(source, 'longitude', get('longitude'));
  const easting = number(source, 'easting', get('easting'));
  const northing = number(source, 'northing', get('northing'));
  if ((latitude === undefined || longitude === undefined) && easting !== undefined && northing !== undefined) {
    if (easting < 0 || easting > 700000 || northing < 0 || northing > 1300000) throw new IntakeError(400, IntakeErrors.BadField, { source, field: 'easting/northing', problem: `${easting}, ${northing} is not a British National Grid reference in metres` });
    ({ latitude, longitude } = fromBritishNationalGrid(easting, northing));
  }
  const externalReference = get('externalReference');
  return {
    taskTypeCode,
    title: get('title'),
    description: get('description') ?? '',
    latitude,
    longitude,
    address: get('address'),
    uprn: get('uprn'),
    usrn: get('usrn'),
    source: definition.channel,
    externalReference: externalReference ? `${source}:${externalReference}`.slice(0, 100) : undefined,
    reporter: { name: get('reporterName'), email: get('reporterEmail'), phone: get('reporterPhone') },
    assetExternalId: get('assetExternalId'),
    reportedOn: get('reportedOn'),
  };
}
