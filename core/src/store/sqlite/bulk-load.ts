import type { TableKey } from '../../model';
import type { TaskCreation } from '../store';
import { translateConstraint } from './constraint-errors';
import type { SqliteContext } from './context';
import { sqlName } from './schema';
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

interface IndexDef {
  name: string;
  sql: string;
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
      const name = sqlName(table);
      const held = context.statements.first<{ n: number }>(`SELECT COUNT(*) AS n FROM ${name}`)?.n ?? 0;
      if (rows < held) return;
      const indexes = context.statements.all<IndexDef>(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE %' AND sql NOT LIKE '% WHERE %' ORDER BY name`, name);
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

/**
 * New jobs with their timelines, as createTasks writes them (idempotent on sourceChannel and
 * externalReference, row version 1) but without reading each job back: one query per batch finds
 * the jobs already stored, then plain inserts. A creation with outbox events, subscriptions,
 * offline client ids or no external reference goes through createTasks' own path.
 */
export function writeTaskBatch(context: SqliteContext, creations: readonly TaskCreation[]): BulkTaskResult {
  const result: BulkTaskResult = { created: 0, alreadyImported: 0 };
  const stored = storedReferences(context, creations);
  const now = context.now();
  const tasks = context.codecs.task;
  const updates = context.codecs.taskUpdate;
  const insertTask = context.statements.get(tasks.insertSql);
  const insertUpdate = context.statements.get(updates.insertSql);
  const taskColumn = updates.columnNames.indexOf(sqlName('task'));
  for (const creation of creations) {
    const { task } = creation;
    if (!isPlain(creation)) {
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
    const row = task.rowVersion === 1 ? task : { ...task, rowVersion: 1 };
    const params = tasks.toParams(row, now);
    run(context, insertTask, params, 'task', row);
    for (const entry of creation.timeline) {
      const values = updates.toParams(entry, now);
      if (!entry.task) values[taskColumn] = params[0];
      run(context, insertUpdate, values, 'taskUpdate', entry.task ? entry : { ...entry, task: params[0] });
    }
    result.created += 1;
  }
  return result;
}

const isPlain = (creation: TaskCreation): boolean =>
  Boolean(creation.task.externalReference) && creation.outbox.length === 0 && !creation.subscriptions?.length && creation.timeline.every((e) => !e.clientId);

function run(context: SqliteContext, statement: { run(params: unknown[]): unknown }, params: unknown[], table: TableKey, row: object): void {
  try {
    statement.run(params);
  } catch (error) {
    throw translateConstraint(error, context.statements, context.codecs[table].table, row as Record<string, unknown>);
  }
}

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
