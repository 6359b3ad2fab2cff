import { ImportError, type Store, type TaskCreation, type TaskType } from '@wardline/core';
import { AssetIndex } from '@wardline/core/geo';
import { printLines, type CliIo } from '../cli-io';
import { openCsv } from '../import/csv-records';
import { legacyColumns, type LegacyField } from '../import/legacy-columns';
import { legacyRowReader, type LegacyCreation } from '../import/legacy-tasks';
import { inOneTransaction } from '../import/one-transaction';
import { BadOptionError } from '../errors';
import { createProgress } from '../output/progress';
import { loadWardIndex } from './load-wards';

export interface ImportTasksOptions {
  allowOutside?: boolean;
  /** `field=Header` pairs naming the file's own headers. */
  column?: string[];
  batchSize?: number;
  /** Metres within which the nearest asset is linked to a job. */
  snapRadius: number;
  /** The council's zone, for dates in the file given without one. */
  timeZone?: string;
  /** Due date for rows without one, from the type's service level in working hours. */
  dueByFor: (reportedOn: Date, taskType: TaskType) => Date;
  /** Job reference from a year's sequence number (the same format every intake uses). */
  formatReference: (year: number, sequence: number) => string;
  now: Date;
}

export interface ImportTasksResult {
  rows: number;
  created: number;
  alreadyImported: number;
}

/** New jobs (about a chunk) from which an import may set the job indexes aside; below it, keeping them up costs well under a second. */
const SET_INDEXES_ASIDE_FROM = 5_000;

/**
 * `wardline import tasks FILE.csv`: historical jobs from a legacy system. The file streams
 * through csv-parse and is written in chunks (5,000 rows by default), all inside one
 * transaction: the whole file is stored, or (on any bad row) nothing is. Rows already imported
 * (same legacy reference) are left as they are, so an import can safely be run again.
 */
export async function importTasks(store: Store, file: string, options: ImportTasksOptions, io: CliIo): Promise<ImportTasksResult> {
  const rename = parseRenames(options.column ?? []);
  const batchSize = options.batchSize ?? 5000;
  const [wards, taskTypes, assets, officers] = await Promise.all([loadWardIndex(store), store.listTaskTypes(), store.listAssets(), store.listOfficers()]);
  if (taskTypes.length === 0) throw new ImportError(file, 'no task types are loaded; run `wardline import task-types` first');
  const csv = await openCsv(file);
  const reader = legacyRowReader(csv.header, {
    file,
    taskTypes,
    wards,
    assets: AssetIndex.fromAssets(assets),
    officers,
    dueByFor: options.dueByFor,
    snapRadius: options.snapRadius,
    timeZone: options.timeZone,
    allowOutside: options.allowOutside,
    rename,
    now: options.now,
  });
  if (reader.ignored.length) io.stderr.write(`import tasks: ignoring column(s) ${reader.ignored.map((c) => `"${c}"`).join(', ')}\n`);
  const progress = createProgress({ label: `import tasks ${file}`, stream: io.stderr });
  const result: ImportTasksResult = { rows: 0, created: 0, alreadyImported: 0 };
  await inOneTransaction(store, async (load, sqlite) => {
    let chunk: LegacyCreation[] = [];
    let expected = false;
    const flush = async () => {
      if (chunk.length === 0) return;
      // One block of reference numbers per year in the chunk, not one store call per row. Stored
      // dates are UTC ISO text, so the year is the first four characters.
      const years = new Map<number, number>();
      for (const c of chunk) {
        const year = Number(c.task.reportedOn.slice(0, 4));
        years.set(year, (years.get(year) ?? 0) + 1);
      }
      const next = new Map<number, number>();
      for (const [year, count] of years) next.set(year, await store.reserveReferenceNumbers(year, count));
      const creations: TaskCreation[] = chunk.map((c) => {
        const year = Number(c.task.reportedOn.slice(0, 4));
        const sequence = next.get(year) ?? 1;
        next.set(year, sequence + 1);
        return { task: Object.assign(c.task, { reference: options.formatReference(year, sequence) }), timeline: c.timeline, outbox: c.outbox };
      });
      const written = await sqlite.importTaskBatch(creations);
      if (!expected) {
        // From the first chunk, about how many new jobs (and timeline entries) the file holds: a
        // large import has the secondary indexes rebuilt once at the end instead of kept up row by
        // row. Rows already imported are not counted, so re-running a file rebuilds nothing.
        expected = true;
        const { bytesRead, size } = csv.progress();
        const jobs = Math.round((written.created * size) / Math.max(bytesRead, 1));
        const entries = chunk.reduce((n, c) => n + c.timeline.length, 0) / chunk.length;
        if (jobs >= SET_INDEXES_ASIDE_FROM) {
          load.expect('task', jobs);
          load.expect('taskUpdate', Math.round(jobs * entries));
        }
      }
      result.created += written.created;
      result.alreadyImported += written.alreadyImported;
      chunk = [];
    };
    for await (const { line, cells } of csv.rows) {
      chunk.push(reader.read(cells, line));
      result.rows += 1;
      if (chunk.length >= batchSize) {
        await flush();
        const { bytesRead, size } = csv.progress();
        progress.update(result.rows, bytesRead / size);
      }
    }
    await flush();
    // The indexes set aside are built again as the transaction commits: a pause worth announcing.
    if (load.dropped.length) progress.stage(`building ${load.dropped.length} job indexes again before saving`);
  });
  progress.done();
  printLines(io, [`Imported ${result.rows} job${result.rows === 1 ? '' : 's'} from ${file}: ${result.created} new, ${result.alreadyImported} already imported.`]);
  return result;
}

function parseRenames(pairs: readonly string[]): Partial<Record<LegacyField, string>> {
  const fields = new Set<string>(legacyColumns.map((c) => c.field));
  const rename: Partial<Record<LegacyField, string>> = {};
  for (const pair of pairs) {
    const [field, header] = pair.split('=').map((s) => s.trim());
    if (!field || !header) throw new BadOptionError('--column', `"${pair}" is not field=Header (e.g. externalReference=Case No)`);
    if (!fields.has(field)) throw new BadOptionError('--column', `"${field}" is not a field; use one of ${[...fields].join(', ')}`);
    rename[field as LegacyField] = header;
  }
  return rename;
}
