import { DuplicateKeyError, StaleTaskError, TaskNotFoundError } from '../../errors';
import type { Task } from '../../model';
import type { NewSubscription, NewTimelineEntry, TaskChange, TaskCreation, TaskCreationResult, TaskWrite } from '../store';
import { InvalidValueError } from '../store-errors';
import { guarded } from './constraint-errors';
import { insertRow, selectById, selectRows, writeRow, type SqliteContext } from './context';
import { enqueueQuietly } from './outbox-ops';
import { sqlName } from './schema';

/**
 * Writing jobs. Callers wrap these in one transaction, so a job, its timeline entries, outbox
 * events and subscriptions are stored together or not at all.
 *
 * Offline sync: a timeline entry carries the device's `clientId`. If a change (or a creation)
 * arrives with a clientId that is already stored for the same job, the whole change is taken as
 * already applied: nothing is written and the job is returned as it stands, even though the
 * caller's expected row version is now out of date. A clientId stored for a different job is a
 * DuplicateKeyError.
 */

/** The job an already-applied timeline entry belongs to, if any entry's clientId is stored. */
function appliedTaskOf(context: SqliteContext, timeline: readonly NewTimelineEntry[]): string | undefined {
  for (const entry of timeline) {
    if (!entry.clientId) continue;
    const found = context.statements.first<{ task: string }>('SELECT wl_task AS task FROM wl_taskupdate WHERE wl_clientid = ?', entry.clientId);
    if (found) return found.task;
  }
  return undefined;
}

function writeAlongside(context: SqliteContext, taskId: string, now: string, parts: { timeline?: readonly NewTimelineEntry[]; outbox?: TaskChange['outbox']; subscriptions?: readonly NewSubscription[] }): void {
  for (const entry of parts.timeline ?? []) writeRow(context, 'taskUpdate', entry.task ? entry : { ...entry, task: taskId }, now);
  enqueueQuietly(context, parts.outbox ?? [], now, taskId);
  for (const subscription of parts.subscriptions ?? []) writeRow(context, 'subscription', subscription.task ? subscription : { ...subscription, task: taskId }, now);
}

/** Creates one job with everything written alongside it; idempotent on (sourceChannel, externalReference). */
export function createOne(context: SqliteContext, creation: TaskCreation): TaskCreationResult {
  const { task } = creation;
  if (task.externalReference) {
    const existing = selectRows(context, 'task', 'WHERE wl_sourcechannel = ? AND wl_externalreference = ?', task.sourceChannel, task.externalReference)[0];
    if (existing) return { task: existing, created: false };
  }
  const applied = appliedTaskOf(context, creation.timeline);
  if (applied) return { task: selectById(context, 'task', applied) as Task, created: false };
  const now = context.now();
  const stored = insertRow(context, 'task', task.rowVersion === 1 ? task : { ...task, rowVersion: 1 }, now);
  writeAlongside(context, stored.id, now, creation);
  return { task: stored, created: true };
}

/** Creations and changes in order (the caller provides the one transaction). */
export function writeMany(context: SqliteContext, writes: Iterable<TaskWrite>): TaskCreationResult[] {
  const results: TaskCreationResult[] = [];
  for (const write of writes) results.push(write.create ? createOne(context, write.create) : { task: updateOne(context, write.change as TaskChange), created: false });
  return results;
}

const unchangeable = new Set(['id', 'createdOn', 'modifiedOn', 'rowVersion']);

/** Applies a change under optimistic concurrency (see the module comment for offline retries). */
export function updateOne(context: SqliteContext, change: TaskChange): Task {
  const applied = appliedTaskOf(context, change.timeline ?? []);
  if (applied === change.id) return selectById(context, 'task', change.id) as Task;
  if (applied) {
    const clientId = (change.timeline ?? []).find((e) => e.clientId)?.clientId ?? '';
    throw new DuplicateKeyError('taskUpdate', 'clientId', clientId);
  }
  const codec = context.codecs.task;
  const keys = Object.keys(change.set).filter((k) => (change.set as Record<string, unknown>)[k] !== undefined);
  const params: unknown[] = [];
  for (const key of keys) {
    if (unchangeable.has(key)) throw new InvalidValueError('task', key, 'is managed by the store and cannot be set');
    const column = codec.table.columns.find((c) => c.key === key);
    if (!column) throw new InvalidValueError('task', key, 'is not a column of task');
    params.push(codec.toSql(column, (change.set as Record<string, unknown>)[key]));
  }
  const now = context.now();
  const assignments = [...keys.map((k) => `${sqlName(k)} = ?`), 'wl_rowversion = wl_rowversion + 1', 'modifiedon = ?'];
  // RETURNING gives the job as stored in the same step (the rows written alongside do not change it).
  const sql = `UPDATE wl_task SET ${assignments.join(', ')} WHERE id = ? AND wl_rowversion = ? RETURNING *`;
  const changed = guarded(context.statements, codec.table, change.set, () => context.statements.first<Record<string, unknown>>(sql, ...params, now, change.id, change.expectedRowVersion));
  if (!changed) {
    const current = context.statements.first<{ reference: string; version: number }>('SELECT wl_reference AS reference, wl_rowversion AS version FROM wl_task WHERE id = ?', change.id);
    if (!current) throw new TaskNotFoundError(change.id);
    throw new StaleTaskError(current.reference, change.expectedRowVersion, current.version);
  }
  writeAlongside(context, change.id, now, change);
  return codec.fromRecord<Task>(changed);
}

/** Takes `count` numbers of a year's job reference sequence (which starts at 1); returns the first. */
export function nextReference(context: SqliteContext, year: number, count = 1): number {
  if (!Number.isInteger(count) || count < 1) throw new InvalidValueError('referenceCounter', 'count', `${count} is not a whole number of at least 1`);
  const row = context.statements.first<{ value: number }>(
    'INSERT INTO reference_counter (year, value) VALUES (?, ?) ON CONFLICT(year) DO UPDATE SET value = value + excluded.value RETURNING value',
    year, count,
  );
  return (row as { value: number }).value - count + 1;
}
