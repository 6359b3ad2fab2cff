import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';

/** csv-parse's settings for every import: cells trimmed, rows of any length (checked by the caller), blank lines kept. */
export const CSV_OPTIONS = { trim: true, relax_column_count: true, skip_empty_lines: false } as const;

/**
 * The records of a CSV byte stream, exactly as csv-parse (with CSV_OPTIONS) reads them, faster.
 * Most export lines are plain: ended by the file's line break (\n, or \r\n throughout), cells split
 * by commas, each either unquoted with nothing csv-parse would trim at its edges and no quote
 * inside, or quoted whole with no quote inside. Those are split here with native string searches.
 * The first line that is anything else (a blank line, a stray carriage return, a doubled or stray
 * quote, a quoted cell spanning lines, spaces to trim) and
 * everything after it go to csv-parse itself, so its reading and its errors are unchanged; an
 * error's `lines` is made to count from the top of the file.
 */
export async function* csvRecords(source: Readable): AsyncGenerator<string[]> {
  const decoder = new StringDecoder('utf8');
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let rest = '';
  let lines = 0;
  // The record delimiter, as csv-parse finds it: from the end of the first line, \r\n or \n.
  let crlf = false;
  try {
    for (;;) {
      const item = await chunks.next();
      const text = item.done ? rest + decoder.end() : rest + decoder.write(item.value);
      // Where the next quote and carriage return are (-1: none left), searched again only once passed.
      let quote = text.indexOf('"');
      let cr = text.indexOf('\r');
      let start = 0;
      for (;;) {
        let end = text.indexOf('\n', start);
        if (end === -1) {
          if (!item.done || start >= text.length) break;
          end = text.length;
        }
        if (quote !== -1 && quote < start) quote = text.indexOf('"', start);
        if (cr !== -1 && cr < start) cr = text.indexOf('\r', start);
        if (lines === 0) crlf = end < text.length && end > start && cr === end - 1;
        // Where the record's text ends: before the \r of \r\n (a last line with no line break has none).
        const stop = crlf && end < text.length ? end - 1 : end;
        const delimited = !crlf || end === text.length || (end > start && text.charCodeAt(end - 1) === 0x0d);
        const cells = delimited && (cr === -1 || cr >= stop) ? plainRecord(text, start, stop, quote) : undefined;
        if (!cells) {
          yield* parsedRest(text.slice(start), item.done ? undefined : chunks, decoder, lines > 0 ? (crlf ? '\r\n' : '\n') : undefined, lines);
          return;
        }
        lines += 1;
        start = end + 1;
        yield cells;
      }
      if (item.done) return;
      rest = text.slice(start);
    }
  } finally {
    // Stopping early (a bad row) closes the stream rather than leaving it open.
    await chunks.return?.();
  }
}

/**
 * The cells of text[start, end) if csv-parse would read it the same way, else undefined. `quote`
 * is the position of the first quote at or after `start` (-1 for none).
 */
function plainRecord(text: string, start: number, end: number, quote: number): string[] | undefined {
  if (start === end) return undefined;
  const cells: string[] = [];
  let at = start;
  let nextQuote = quote;
  for (;;) {
    if (nextQuote !== -1 && nextQuote < at) nextQuote = text.indexOf('"', at);
    if (nextQuote === at) {
      const close = text.indexOf('"', at + 1);
      if (close === -1 || close >= end) return undefined;
      const after = close + 1;
      if (after !== end && text.charCodeAt(after) !== 0x2c) return undefined;
      cells.push(text.slice(at + 1, close));
      if (after === end) return cells;
      at = after + 1;
      nextQuote = text.indexOf('"', at);
      continue;
    }
    let comma = text.indexOf(',', at);
    if (comma === -1 || comma > end) comma = end;
    if (nextQuote !== -1 && nextQuote < comma) return undefined;
    // csv-parse trims space, tab, CR, LF and form feed: a cell with any such edge is left to it.
    if (comma > at && (text.charCodeAt(at) <= 0x20 || text.charCodeAt(comma - 1) <= 0x20)) return undefined;
    cells.push(text.slice(at, comma));
    if (comma === end) return cells;
    at = comma + 1;
  }
}

/**
 * csv-parse over `text` and then the rest of the stream (through the same decoder); `before`
 * records (one line each) came first, ending in `delimiter`, which csv-parse would have found and
 * kept as the record delimiter.
 */
async function* parsedRest(text: string, chunks: AsyncIterator<Buffer> | undefined, decoder: StringDecoder, delimiter: string | undefined, before: number): AsyncGenerator<string[]> {
  const parser = parse(delimiter ? { ...CSV_OPTIONS, record_delimiter: delimiter } : CSV_OPTIONS);
  const write = async (data: string) => {
    if (!parser.write(data)) await new Promise((resolve) => parser.once('drain', resolve));
  };
  const feed = async () => {
    await write(text);
    for (;;) {
      const item = chunks ? await chunks.next() : undefined;
      if (!item || item.done) break;
      // Decoded here too: the decoder may hold the first bytes of a character split between chunks.
      await write(decoder.write(item.value));
    }
    await write(decoder.end());
    parser.end();
  };
  feed().catch((error: unknown) => parser.destroy(error instanceof Error ? error : new Error(String(error))));
  try {
    for await (const record of parser as AsyncIterable<string[]>) yield record;
  } catch (error) {
    const csv = error as { lines?: unknown };
    if (typeof csv.lines === 'number') csv.lines += before;
    throw error;
  } finally {
    parser.destroy();
    await chunks?.return?.();
  }
}
