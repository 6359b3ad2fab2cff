import { ImportError } from '@wardline/core';

/** Parses JSON text, turning V8's "at position N" into the line an editor shows. */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const line = position ? text.slice(0, Number(position[1])).split('\n').length : undefined;
    return fail(file, `the file is not valid JSON (${message.replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '')})`, line);
  }
}

function fail(file: string, problem: string, line?: number): never {
  throw new ImportError(file, problem, line === undefined ? {} : { line });
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The line on which each element of the first JSON array in the text starts, so errors in a JSON
 * list can name a line as they do for CSV. A small scanner: strings and nesting are tracked, nothing else.
 */
export function arrayElementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let arrayDepth = -1;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '\n') line += 1;
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') continue;
    if (expectElement && depth === arrayDepth && c !== ']') {
      lines.push(line);
      expectElement = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth += 1;
      if (c === '[' && arrayDepth === -1) {
        arrayDepth = depth;
        expectElement = true;
      }
    } else if (c === ']' || c === '}') {
      if (depth === arrayDepth) return lines;
      depth -= 1;
    } else if (c === ',' && depth === arrayDepth) expectElement = true;
  }
  return lines;
}
