import { createReadStream, promises as fs } from 'node:fs';
import { parse, type CsvError } from 'csv-parse';
import { ImportError, WardlineError } from '@wardline/core';
import { FileUnreadableError } from '../errors';
import { describeFsError } from './read-file';
import { Utf8Guard } from './utf8-guard';

/** One data row of a CSV file, with the line it ends on (as a spreadsheet counts lines). */
export interface CsvRow {
  line: number;
  cells: string[];
}

export interface CsvSource {
  header: string[];
  /** The data rows, streamed: only the current chunk of rows is held in memory. */
  rows: AsyncIterable<CsvRow>;
  /** Bytes of the file read so far and its size, for progress. */
  progress(): { bytesRead: number; size: number };
}

const newlines = (cells: readonly string[]): number => {
  let count = 0;
  for (const cell of cells) {
    for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) count += 1;
  }
  return count;
};

/**
 * Opens a CSV file for streaming (csv-parse): UTF-8 only, header row first, quoted fields may
 * span lines, blank lines skipped, cells trimmed. Errors name the file and line.
 *
 * Line numbers are counted here (each record is one line plus the line breaks inside its quoted
 * cells) rather than with csv-parse's `info` option, which builds an object per record and costs
 * about a third of the parse time on large imports.
 */
export async function openCsv(file: string): Promise<CsvSource> {
  let size: number;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
    size = stat.size;
  } catch (error) {
    throw new FileUnreadableError(file, describeFsError(error));
  }
  if (size === 0) throw new ImportError(file, 'the file is empty');
  const guard = new Utf8Guard(file);
  const parser = parse({ trim: true, relax_column_count: true, skip_empty_lines: false });
  createReadStream(file, { highWaterMark: 256 * 1024 }).on('error', (error) => guard.destroy(error)).pipe(guard).on('error', (error) => parser.destroy(error)).pipe(parser);
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  let line = 0;
  let first: IteratorResult<string[]>;
  do {
    first = await next(iterator, file, line);
    if (!first.done) line += 1 + newlines(first.value);
  } while (!first.done && isBlank(first.value));
  if (first.done) throw new ImportError(file, 'the file is empty');
  const header = first.value;
  async function* rows(): AsyncGenerator<CsvRow> {
    let any = false;
    try {
      for (;;) {
        const item = await next(iterator, file, line);
        if (item.done) break;
        const cells = item.value;
        line += 1 + newlines(cells);
        if (isBlank(cells)) continue;
        if (cells.length !== header.length) throw new ImportError(file, `the row has ${cells.length} cell${cells.length === 1 ? '' : 's'} but the header has ${header.length}`, { line });
        any = true;
        yield { line, cells };
      }
    } finally {
      // Stopping early (a bad row) closes the file rather than leaving it open.
      await iterator.return?.();
    }
    if (!any) throw new ImportError(file, 'the file has a header row but no data rows', { line: 2 });
  }
  return { header, rows: rows(), progress: () => ({ bytesRead: guard.bytesRead, size }) };
}

const isBlank = (cells: readonly string[]): boolean => cells.length === 1 && cells[0] === '';

async function next<T>(iterator: AsyncIterator<T>, file: string, line: number): Promise<IteratorResult<T>> {
  try {
    return await iterator.next();
  } catch (error) {
    throw translateCsvError(error, file, line + 1);
  }
}

/** csv-parse's errors, in words a council admin can act on; `line` is where the failing record starts. */
export function translateCsvError(error: unknown, file: string, line?: number): Error {
  if (error instanceof WardlineError) return error;
  const csv = error as CsvError;
  const at = typeof (csv as { lines?: unknown }).lines === 'number' ? (csv as unknown as { lines: number }).lines : line;
  switch (csv.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new ImportError(file, 'a quoted cell is never closed (a " is missing)', { line });
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return new ImportError(file, 'a cell has a stray " inside it; quote the whole cell and double any " within it', { line: at });
    default:
      return new ImportError(file, `the file is not valid CSV (${csv.message ?? String(error)})`, { line: at });
  }
}
