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
  /** The data rows, streamed: only the current row is held in memory. */
  rows: AsyncIterable<CsvRow>;
  /** Bytes of the file read so far and its size, for progress. */
  progress(): { bytesRead: number; size: number };
}

/**
 * Opens a CSV file for streaming (csv-parse): UTF-8 only, header row first, quoted fields may
 * span lines, blank lines skipped, cells trimmed. Errors name the file and line.
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
  const parser = parse({ info: true, skip_empty_lines: true, trim: true, relax_column_count: false });
  createReadStream(file).on('error', (error) => guard.destroy(error)).pipe(guard).on('error', (error) => parser.destroy(error)).pipe(parser);
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<{ record: string[]; info: { lines: number } }>;
  const first = await next(iterator, file);
  if (first.done) throw new ImportError(file, 'the file is empty');
  const header = first.value.record;
  async function* rows(): AsyncGenerator<CsvRow> {
    let any = false;
    try {
      for (;;) {
        const item = await next(iterator, file);
        if (item.done) break;
        any = true;
        yield { line: item.value.info.lines, cells: item.value.record };
      }
    } finally {
      // Stopping early (a bad row) closes the file rather than leaving it open.
      await iterator.return?.();
    }
    if (!any) throw new ImportError(file, 'the file has a header row but no data rows', { line: 2 });
  }
  return { header, rows: rows(), progress: () => ({ bytesRead: guard.bytesRead, size }) };
}

async function next<T>(iterator: AsyncIterator<T>, file: string): Promise<IteratorResult<T>> {
  try {
    return await iterator.next();
  } catch (error) {
    throw translateCsvError(error, file);
  }
}

/** csv-parse's errors, in words a council admin can act on. */
export function translateCsvError(error: unknown, file: string): Error {
  if (error instanceof WardlineError) return error;
  const csv = error as CsvError & { lines?: number; record?: string[] };
  const line = typeof csv.lines === 'number' ? csv.lines : undefined;
  switch (csv.code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH': {
      const counts = /expect (\d+), got (\d+)/.exec(csv.message);
      return new ImportError(file, counts ? `the row has ${counts[2]} cells but the header has ${counts[1]}` : 'the row has a different number of cells from the header', { line });
    }
    case 'CSV_QUOTE_NOT_CLOSED':
      return new ImportError(file, 'a quoted cell is never closed (a " is missing)', { line });
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return new ImportError(file, 'a cell has a stray " inside it; quote the whole cell and double any " within it', { line });
    default:
      return new ImportError(file, `the file is not valid CSV (${csv.message ?? String(error)})`, { line });
  }
}
