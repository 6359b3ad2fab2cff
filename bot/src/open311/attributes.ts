import { Open311Error, Open311Errors } from './open311-errors';

/** GeoReport v2 attribute datatypes. */
export const DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;
export type Datatype = (typeof DATATYPES)[number];

/** One question of a service (GeoReport v2 `attribute`, with FixMyStreet's `automated`). */
export interface ServiceAttribute {
  code: string;
  datatype: Datatype;
  required: boolean;
  /** false for an informational attribute (no answer expected). */
  variable: boolean;
  description: string;
  datatype_description: string | null;
  order: number;
  values?: { key: string; name: string }[];
  /** FixMyStreet fills these itself: `server_set` (not shown) or `hidden_field` (sent, not shown). */
  automated?: 'server_set' | 'hidden_field';
}

const isText = (value: unknown): value is string => typeof value === 'string';

/**
 * Reads a task type's `open311Attributes` JSON. Problems name the task type and the attribute,
 * so a council admin can fix the catalogue; an empty or missing value means no questions.
 */
export function parseAttributes(taskType: string, json: string | null): ServiceAttribute[] {
  if (!json || json.trim() === '') return [];
  const fail = (problem: string): never => {
    throw new Open311Error(400, Open311Errors.BadAttributes, { taskType, problem });
  };
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    return fail(`is not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(raw)) return fail('must be a JSON array of attributes');
  const seenCodes = new Set<string>();
  const seenOrders = new Set<number>();
  return raw.map((item: Record<string, unknown>, index) => {
    const where = `attribute ${index + 1}`;
    if (!item || typeof item !== 'object') return fail(`${where} is not an object`);
    if (!isText(item.code) || !/^[A-Za-z0-9_.-]{1,50}$/.test(item.code)) return fail(`${where}: code must be 1 to 50 letters, digits, _ . or -`);
    if (seenCodes.has(item.code)) return fail(`${where}: code "${item.code}" is used twice`);
    seenCodes.add(item.code);
    if (!DATATYPES.includes(item.datatype as Datatype)) return fail(`${where} (${item.code}): datatype must be one of ${DATATYPES.join(', ')}`);
    const order = item.order === undefined ? index + 1 : item.order;
    if (typeof order !== 'number' || !Number.isInteger(order) || order < 1 || seenOrders.has(order)) return fail(`${where} (${item.code}): order must be a positive whole number, unique in the service`);
    seenOrders.add(order);
    const datatype = item.datatype as Datatype;
    const isList = datatype === 'singlevaluelist' || datatype === 'multivaluelist';
    let values: ServiceAttribute['values'];
    if (isList) {
      if (!Array.isArray(item.values) || item.values.length === 0) return fail(`${where} (${item.code}): a ${datatype} needs values [{key, name}]`);
      values = item.values.map((value: Record<string, unknown>, i: number) => {
        if (!value || (!isText(value.key) && typeof value.key !== 'number') || !isText(value.name)) return fail(`${where} (${item.code}): value ${i + 1} needs a key and a name`);
        return { key: String(value.key), name: value.name };
      });
    } else if (item.values !== undefined) {
      return fail(`${where} (${item.code}): only singlevaluelist and multivaluelist attributes have values`);
    }
    if (item.automated !== undefined && item.automated !== 'server_set' && item.automated !== 'hidden_field') return fail(`${where} (${item.code}): automated must be server_set or hidden_field`);
    return {
      code: item.code,
      datatype,
      required: item.required === true,
      variable: item.variable !== false,
      description: isText(item.description) ? item.description : item.code,
      datatype_description: isText(item.datatype_description) && item.datatype_description !== '' ? item.datatype_description : null,
      order,
      ...(values ? { values } : {}),
      ...(item.automated ? { automated: item.automated as ServiceAttribute['automated'] } : {}),
    };
  });
}
