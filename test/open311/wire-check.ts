// Test-only: parses Open311 answers (XML and JSON) into plain trees and checks the reference
// conformance cases' generic expectations against them.
import { createRequire } from 'node:module';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { OPEN311, readReference } from './open311-harness';

const LIST_ITEMS = ['service', 'request', 'error', 'attribute', 'value', 'request_update', 'group', 'endpoint', 'format', 'media_url'];
const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true, isArray: (name) => LIST_ITEMS.includes(name) });

export type Tree = Record<string, unknown>;

/** Parses an XML document: its root name and content. */
export function parseXml(text: string): { root: string; content: Tree } {
  const parsed = parser.parse(text) as Tree;
  const root = Object.keys(parsed).find((k) => k !== '?xml') ?? '';
  const content = parsed[root];
  return { root, content: content && typeof content === 'object' ? (content as Tree) : {} };
}

/** The items of a list document, XML or JSON. */
export function itemsOf(format: 'xml' | 'json', text: string, item?: string): Tree[] {
  if (format === 'json') {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) ? (parsed as Tree[]) : [parsed as Tree];
  }
  const { content } = parseXml(text);
  return item ? ((content[item] as Tree[] | undefined) ?? []) : [content];
}

/** Follows a slash path (`endpoints/endpoint/url`), taking the first of any list. */
export function pathValue(tree: unknown, slashPath: string): unknown {
  let node: unknown = tree;
  for (const part of slashPath.split('/')) {
    if (Array.isArray(node)) node = node[0];
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Tree)[part];
  }
  return Array.isArray(node) ? node[0] : node;
}

/** Every value of a key anywhere in a tree. */
export function valuesOfKey(tree: unknown, key: string, out: unknown[] = []): unknown[] {
  if (Array.isArray(tree)) tree.forEach((t) => valuesOfKey(t, key, out));
  else if (tree && typeof tree === 'object') {
    for (const [k, v] of Object.entries(tree as Tree)) {
      if (k === key) out.push(...(Array.isArray(v) ? v : [v]));
      valuesOfKey(v, key, out);
    }
  }
  return out;
}

/** Element names used anywhere in a tree, as slash paths (lists collapsed). */
export function shapeOf(tree: unknown, prefix = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(tree)) tree.forEach((t) => shapeOf(t, prefix, out));
  else if (tree && typeof tree === 'object') {
    for (const [k, v] of Object.entries(tree as Tree)) {
      const here = prefix ? `${prefix}/${k}` : k;
      out.add(here);
      shapeOf(v, here, out);
    }
  }
  return out;
}

// ajv 8 (with draft-07 semantics, as the schemas declare none) is the bot workspace's copy.
const botRequire = createRequire(path.resolve(__dirname, '../../bot/package.json'));
type Validator = ((data: unknown) => boolean) & { errors?: unknown };
const AjvClass = botRequire('ajv').default as new (o: object) => { addSchema(s: object, key: string): void; getSchema(key: string): Validator | undefined };
const addFormats = botRequire('ajv-formats').default as (ajv: object) => void;
const ajv = new AjvClass({ allErrors: true, strict: false });
addFormats(ajv);
for (const name of ['request', 'requests', 'service', 'services', 'service-definition']) {
  ajv.addSchema(JSON.parse(readReference(`schema/georeport-v2/${name}.json`)) as object, `${name}.json`);
}

/** Validates JSON against one of the reference schemas; returns the errors (empty when valid). */
export function schemaErrors(schemaPath: string, data: unknown): unknown[] {
  const validate = ajv.getSchema(path.basename(schemaPath));
  if (!validate) throw new Error(`No schema ${schemaPath} under ${OPEN311}`);
  return validate(data) ? [] : ((validate.errors as unknown[]) ?? ['invalid']);
}
