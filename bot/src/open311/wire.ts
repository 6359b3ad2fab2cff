import { XMLBuilder } from 'fast-xml-parser';
import type { Response } from 'express';
import type { Open311Problem } from './open311-errors';

/**
 * The spec's two formats from one value. XML is mandatory (FixMyStreet speaks only XML), JSON
 * secondary. Lists differ between them: in XML a list is wrapped (`<attributes><attribute/>`)
 * or repeated (`<media_url/>` twice); in JSON both are arrays. JSON keeps real booleans and
 * numbers, as the spec's examples do; XML writes them as text.
 */
export type WireValue = string | number | boolean | null | WireList | WireRecord;
export interface WireRecord {
  [key: string]: WireValue | undefined;
}

/** A list: in XML each item is an `<itemName>` inside the parent element, or repeated in place when `itemName` is absent. */
export class WireList {
  constructor(readonly items: readonly WireValue[], readonly itemName?: string) {}
}

export const list = (itemName: string, items: readonly WireValue[]): WireList => new WireList(items, itemName);
export const repeated = (items: readonly WireValue[]): WireList => new WireList(items);

export type Format = 'xml' | 'json';

export const CONTENT_TYPES: Record<Format, string> = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

const builder = new XMLBuilder({ format: true, indentBy: '  ', ignoreAttributes: true, suppressEmptyNode: false });

function toXmlTree(value: WireValue | undefined): unknown {
  if (value === null || value === undefined) return '';
  if (value instanceof WireList) {
    const items = value.items.map(toXmlTree);
    if (value.itemName) return items.length ? { [value.itemName]: items } : '';
    return items;
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = toXmlTree(item);
    return out;
  }
  return String(value);
}

function toJsonTree(value: WireValue | undefined): unknown {
  if (value instanceof WireList) return value.items.map(toJsonTree);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = toJsonTree(item);
    return out;
  }
  return value;
}

/** A document: `<root><item/>…</root>` in XML, an array of items in JSON (or a single object when `single`). */
export interface WireDocument {
  root: string;
  item?: string;
  items?: readonly WireRecord[];
  /** A single object (discovery, service definition): the root element's content in XML, the object in JSON. */
  single?: WireRecord;
}

export function render(document: WireDocument, format: Format): string {
  if (format === 'json') return JSON.stringify(document.single ? toJsonTree(document.single) : (document.items ?? []).map(toJsonTree));
  const content = document.single ? toXmlTree(document.single) : document.items?.length ? { [document.item ?? 'item']: document.items.map(toXmlTree) } : '';
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ [document.root]: content }) as string}`;
}

/** Writes the answer directly: no ETag (every answer is fresh), so nothing hashes the body. */
export function send(response: Response, format: Format, document: WireDocument, status = 200): void {
  const body = Buffer.from(render(document, format), 'utf8');
  response.statusCode = status;
  response.setHeader('Content-Type', CONTENT_TYPES[format]);
  response.setHeader('Content-Length', body.length);
  response.end(body);
}

/** The spec's error list: `<errors><error><code/><description/></error>…</errors>`, or a JSON array. */
export function sendProblems(response: Response, format: Format, status: number, problems: readonly Open311Problem[]): void {
  send(response, format, { root: 'errors', item: 'error', items: problems.map((p) => ({ code: p.code, description: p.description })) }, status);
}
