/**
 * Form bodies (application/x-www-form-urlencoded) decoded strictly: every key keeps all its
 * values in order (FixMyStreet repeats `attribute[code]` for multi-values), `attribute[code][]`
 * is read as `attribute[code]` (the spec's form), and bytes that are not UTF-8 after
 * percent-decoding are refused rather than silently replaced.
 */
export type FormFields = Map<string, string[]>;

export class FormEncodingError extends Error {
  constructor(readonly field: string) {
    super(`field "${field}" is not valid UTF-8 text: send the body as UTF-8 (Content-Type: application/x-www-form-urlencoded; charset=utf-8)`);
    this.name = 'FormEncodingError';
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function decodeComponent(raw: string, field: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < raw.length; i += 1) {
    const ch = raw.charCodeAt(i);
    if (ch === 0x2b) bytes.push(0x20);
    else if (ch === 0x25 && /^[0-9A-Fa-f]{2}$/.test(raw.slice(i + 1, i + 3))) {
      bytes.push(parseInt(raw.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (ch < 0x80) bytes.push(ch);
    else bytes.push(...Buffer.from(raw[i] ?? '', 'utf8'));
  }
  try {
    return decoder.decode(Uint8Array.from(bytes));
  } catch {
    throw new FormEncodingError(field);
  }
}

/** Normalises `attribute[code][]` to `attribute[code]`. */
export const fieldName = (key: string): string => key.replace(/^(attribute\[[^\]]*\])\[\]$/, '$1');

export function parseForm(body: Buffer | string): FormFields {
  const text = typeof body === 'string' ? body : body.toString('latin1');
  const fields: FormFields = new Map();
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const rawKey = at === -1 ? pair : pair.slice(0, at);
    const key = fieldName(decodeComponent(rawKey, rawKey.slice(0, 50)));
    const value = decodeComponent(at === -1 ? '' : pair.slice(at + 1), key);
    const values = fields.get(key);
    if (values) values.push(value);
    else fields.set(key, [value]);
  }
  return fields;
}

/** Adds fields from another source (query string, multipart fields) without replacing the body's. */
export function mergeFields(into: FormFields, from: Record<string, unknown>): FormFields {
  for (const [rawKey, value] of Object.entries(from)) {
    const key = fieldName(rawKey);
    const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
    if (!values.length) continue;
    into.set(key, [...(into.get(key) ?? []), ...values]);
  }
  return into;
}

export const first = (fields: FormFields, key: string): string | undefined => fields.get(key)?.[0];

/** A field's first value, trimmed; blank is absent. */
export const value = (fields: FormFields, key: string): string | undefined => {
  const found = first(fields, key)?.trim();
  return found === undefined || found === '' ? undefined : found;
};

/** The codes and values of every `attribute[code]` field. */
export function attributesOf(fields: FormFields): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, values] of fields) {
    const match = /^attribute\[([^\]]*)\]$/.exec(key);
    if (match) out.set(match[1] ?? '', values);
  }
  return out;
}
