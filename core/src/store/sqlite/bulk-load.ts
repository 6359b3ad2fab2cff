import type Database from 'better-sqlite3';
import type { TableKey } from '../../model';
import type { TaskCreation } from '../store';
import { translateConstraint } from './constraint-errors';
import type { SqliteContext } from './context';
import { indexesFor, sqlName, type IndexDef } from './schema';
import { createOne } from './task-writes';

/**
 * Bulk loads (legacy job imports) in one transaction. When a load is large for a table it writes
 * (at least as many rows as the table already holds), the table's secondary indexes are dropped
 * and created again before COMMIT: one sort per index instead of a random insert per row. SQLite
 * DDL is transactional, so a rollback brings them back too. Unique indexes and primary keys stay,
 * so every constraint is enforced as rows arrive; so do partial indexes, which rows outside them
 * cost nothing to keep up. Foreign keys are checked row by row as always, so a bad link is named
 * at its row. (A larger page cache was measured too and gained nothing, so memory is as before.)
 */

export interface BulkLoad {
  /** About `rows` rows are coming for `table`: drops its secondary indexes if that is at least as many as it holds (decided once per table). */
  expect(table: TableKey, rows: number): void;
  /** Indexes dropped so far (their names), for tests and progress. */
  readonly dropped: readonly string[];
}

/**
 * Runs `work` in one IMMEDIATE transaction set up for a bulk load, recreating any dropped index
 * before COMMIT. On any error everything (rows and indexes alike) is rolled back.
 */
export async function inBulkLoad<T>(context: SqliteContext, work: (load: BulkLoad) => Promise<T>): Promise<T> {
  const { db } = context;
  const dropped: IndexDef[] = [];
  const decided = new Set<TableKey>();
  const load: BulkLoad = {
    expect(table, rows) {
      if (decided.has(table)) return;
      decided.add(table);
      const held = context.statements.first<{ n: number }>(`SELECT COUNT(*) AS n FROM ${sqlName(table)}`)?.n ?? 0;
      if (rows < held) return;
      // The table's own index definitions, as the schema creates them: neither unique nor partial.
      const indexes = indexesFor(context.codecs[table].table).filter((index) => !index.sql.startsWith('CREATE UNIQUE ') && !index.sql.includes(' WHERE '));
      for (const index of indexes) {
        db.exec(`DROP INDEX ${index.name}`);
        dropped.push(index);
      }
    },
    get dropped() {
      return dropped.map((d) => d.name);
    },
  };
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = await work(load);
    for (const index of dropped) db.exec(index.sql);
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

export interface BulkTaskResult {
  created: number;
  alreadyImported: number;
}

/** Rows per INSERT statement: one call into SQLite per 50 rows rather than per row. */
const ROWS_PER_INSERT = 50;

/**
 * Inserts rows of one table several to a statement. A failing statement inserts none of its rows
 * (SQLite undoes the statement), so they are then tried one by one for the error naming the row.
 */
class RowInserter {
  private readonly width: number;
  private readonly single: Database.Statement;
  private readonly many: Database.Statement;
  private values: unknown[] = [];
  private count = 0;

  /** `written` runs after each statement: the rows are stored from then on. */
  constructor(private readonly context: SqliteContext, private readonly table: TableKey, private readonly written: () => void = () => undefined) {
    const codec = context.codecs[table];
    this.width = codec.columnNames.length;
    const tuple = `(${codec.columnNames.map(() => '?').join(', ')})`;
    this.single = context.statements.get(codec.insertSql);
    this.many = context.statements.get(`INSERT INTO ${codec.name} (${codec.columnNames.join(', ')}) VALUES ${Array.from({ length: ROWS_PER_INSERT }, () => tuple).join(', ')}`);
  }

  /** Adds one row's values in `columnNames` order (as TableCodec.toParams gives them). */
  add(params: readonly unknown[]): void {
    for (let i = 0; i < params.length; i += 1) this.values.push(params[i]);
    this.count += 1;
    if (this.count === ROWS_PER_INSERT) this.flush();
  }

  flush(): void {
    if (this.count === 0) return;
    const { values, count } = this;
    this.values = [];
    this.count = 0;
    let stored = false;
    if (count === ROWS_PER_INSERT) {
      try {
        this.many.run(values);
        stored = true;
      } catch {
        // None of the rows is stored; the one at fault is found below.
      }
    }
    for (let i = 0; i < count && !stored; i += 1) {
      const params = values.slice(i * this.width, (i + 1) * this.width);
      try {
        this.single.run(params);
      } catch (error) {
        const codec = this.context.codecs[this.table];
        throw translateConstraint(error, this.context.statements, codec.table, codec.fromParams<Record<string, unknown>>(params));
      }
    }
    this.written();
  }
}

/**
 * New jobs with their timelines, as createTasks writes them (idempotent on sourceChannel and
 * externalReference, row version 1) but without reading each job back: one query per batch finds
 * the jobs already stored, then multi-row inserts. A creation with outbox events, subscriptions,
 * offline client ids or no external reference goes through createTasks' own path.
 */
export function writeTaskBatch(context: SqliteContext, creations: readonly TaskCreation[]): BulkTaskResult {
  const result: BulkTaskResult = { created: 0, alreadyImported: 0 };
  const stored = storedReferences(context, creations);
  const now = context.now();
  const tasks = context.codecs.task;
  const updates = context.codecs.taskUpdate;
  const taskColumn = updates.columnNames.indexOf(sqlName('task'));
  // Timeline entries wait until the jobs they point at are written.
  let waiting: unknown[][] = [];
  const updateRows = new RowInserter(context, 'taskUpdate');
  const taskRows = new RowInserter(context, 'task', () => {
    for (const params of waiting) updateRows.add(params);
    waiting = [];
  });
  const flush = () => {
    taskRows.flush();
    updateRows.flush();
  };
  for (const creation of creations) {
    const { task } = creation;
    if (!isPlain(creation)) {
      flush();
      if (createOne(context, creation).created) result.created += 1;
      else result.alreadyImported += 1;
      continue;
    }
    const key = `${task.sourceChannel}\u0000${task.externalReference}`;
    if (stored.has(key)) {
      result.alreadyImported += 1;
      continue;
    }
    stored.add(key);
    const params = tasks.toParams(task.rowVersion === 1 ? task : { ...task, rowVersion: 1 }, now);
    for (const entry of creation.timeline) {
      const values = updates.toParams(entry, now);
      if (!entry.task) values[taskColumn] = params[0];
      waiting.push(values);
    }
    taskRows.add(params);
    result.created += 1;
  }
  flush();
  return result;
}

const isPlain = (creation: TaskCreation): boolean =>
  Boolean(creation.task.externalReference) && creation.outbox.length === 0 && !creation.subscriptions?.length && creation.timeline.every((e) => !e.clientId);

/** `channel NUL reference` of every creation's job already stored, in one query per source channel. */
function storedReferences(context: SqliteContext, creations: readonly TaskCreation[]): Set<string> {
  const byChannel = new Map<string, string[]>();
  for (const { task } of creations) {
    if (!task.externalReference) continue;
    const list = byChannel.get(task.sourceChannel);
    if (list) list.push(task.externalReference);
    else byChannel.set(task.sourceChannel, [task.externalReference]);
  }
  const stored = new Set<string>();
  for (const [channel, references] of byChannel) {
    const found = context.statements.all<{ reference: string }>(
      'SELECT wl_externalreference AS reference FROM wl_task WHERE wl_sourcechannel = ? AND wl_externalreference IS NOT NULL AND wl_externalreference IN (SELECT value FROM json_each(?))',
      channel,
      JSON.stringify(references),
    );
    for (const { reference } of found) stored.add(`${channel}\u0000${reference}`);
  }
  return stored;
}
