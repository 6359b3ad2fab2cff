import type { OutboxEvent } from '../../model';
import type { NewOutboxEvent, OutboxClaim } from '../store';
import { RowNotFoundError } from '../store-errors';
import { normaliseDate } from './codec';
import { translateConstraint } from './constraint-errors';
import { recordOf, selectRows, type SqliteContext } from './context';
import { WhereBuilder } from './where';

/**
 * The outbox on SQLite. Claiming is one UPDATE … RETURNING, so two dispatchers (threads or
 * processes) can never take the same event under the same lease.
 */

const LAST_ERROR_MAX = 4000;

/** The insert for events, skipping one whose idempotency key is already stored (no lookup first). */
const insertOrSkipSql = new WeakMap<SqliteContext, string>();
const insertOrSkip = (context: SqliteContext): string => {
  let sql = insertOrSkipSql.get(context);
  if (sql === undefined) insertOrSkipSql.set(context, (sql = `${context.codecs.outbox.insertSql} ON CONFLICT(wl_idempotencykey) DO NOTHING`));
  return sql;
};

/**
 * Adds events; an event whose idempotencyKey is already stored is not added again and the stored
 * event is returned in its place, so enqueueing is safe to repeat.
 */
export function enqueueEvents(context: SqliteContext, events: readonly NewOutboxEvent[], now: string, taskId?: string): OutboxEvent[] {
  const sql = insertOrSkip(context);
  return events.map((event) => {
    const params = writeEvent(context, event, now, taskId, sql);
    return params ? recordOf(context, 'outbox', params) : selectRows(context, 'outbox', 'WHERE wl_idempotencykey = ?', event.idempotencyKey)[0];
  });
}

/** Adds events written alongside a job, without reading them back. */
export function enqueueQuietly(context: SqliteContext, events: readonly NewOutboxEvent[], now: string, taskId: string): void {
  if (events.length === 0) return;
  const sql = insertOrSkip(context);
  for (const event of events) writeEvent(context, event, now, taskId, sql);
}

/** One event's stored values, or undefined when its idempotency key was already stored. */
function writeEvent(context: SqliteContext, event: NewOutboxEvent, now: string, taskId: string | undefined, sql: string): unknown[] | undefined {
  const row = { status: 'pending', attempts: 0, nextAttemptOn: now, ...event, task: event.task ?? taskId ?? null };
  const codec = context.codecs.outbox;
  const params = codec.toParams(row, now);
  let changes: number;
  try {
    changes = context.statements.get(sql).run(params).changes;
  } catch (error) {
    throw translateConstraint(error, context.statements, codec.table, row);
  }
  return changes ? params : undefined;
}

/** Moves due events (or events whose lease lapsed) to `delivering` under a new lease. */
export function claimEvents(context: SqliteContext, claim: OutboxClaim): OutboxEvent[] {
  const now = normaliseDate('outbox', 'now', claim.now);
  const leaseUntil = new Date(Date.parse(now) + claim.leaseMs).toISOString();
  const byChannel = claim.channels ? 'AND wl_channel IN (SELECT value FROM json_each(?))' : '';
  const sql = `UPDATE wl_outbox SET wl_status = 'delivering', wl_leaseuntil = ?, wl_attempts = wl_attempts + 1, modifiedon = ?
    WHERE id IN (SELECT id FROM wl_outbox
      WHERE ((wl_status = 'pending' AND wl_nextattempton <= ?) OR (wl_status = 'delivering' AND wl_leaseuntil <= ?)) ${byChannel}
      ORDER BY wl_nextattempton, rowid LIMIT ?)
    RETURNING rowid AS seq, *`;
  const params: unknown[] = [leaseUntil, now, now, now, ...(claim.channels ? [JSON.stringify(claim.channels)] : []), claim.limit];
  const codec = context.codecs.outbox;
  const records = context.statements.all<Record<string, unknown> & { seq: number }>(sql, ...params);
  records.sort((a, b) => String(a.wl_nextattempton).localeCompare(String(b.wl_nextattempton)) || a.seq - b.seq);
  return records.map((r) => codec.fromRecord<OutboxEvent>(r));
}

function requireEvent(context: SqliteContext, id: string): void {
  if (!context.statements.first('SELECT 1 AS found FROM wl_outbox WHERE id = ?', id)) throw new RowNotFoundError('outbox', id);
}

/** Marks an event delivered; repeating it changes nothing (the first delivery time is kept). */
export function markEventDelivered(context: SqliteContext, id: string, deliveredOn: string): void {
  const changed = context.statements.run(
    "UPDATE wl_outbox SET wl_status = 'delivered', wl_deliveredon = ?, wl_leaseuntil = NULL, modifiedon = ? WHERE id = ? AND wl_status <> 'delivered'",
    normaliseDate('outbox', 'deliveredOn', deliveredOn), context.now(), id,
  );
  if (!changed) requireEvent(context, id);
}

/** Returns an event to `pending` for a later attempt, or parks it as `dead`; a delivered event stays delivered. */
export function markEventFailed(context: SqliteContext, id: string, failure: { error: string; nextAttemptOn: string; dead: boolean }): void {
  const changed = context.statements.run(
    "UPDATE wl_outbox SET wl_status = ?, wl_lasterror = ?, wl_nextattempton = ?, wl_leaseuntil = NULL, modifiedon = ? WHERE id = ? AND wl_status <> 'delivered'",
    failure.dead ? 'dead' : 'pending', failure.error.slice(0, LAST_ERROR_MAX), normaliseDate('outbox', 'nextAttemptOn', failure.nextAttemptOn), context.now(), id,
  );
  if (!changed) requireEvent(context, id);
}

/** Events by status, job and channel, oldest (first enqueued) first. */
export function listEvents(context: SqliteContext, filter: { status?: OutboxEvent['status']; taskId?: string; channel?: OutboxEvent['channel'] } = {}): OutboxEvent[] {
  const where = new WhereBuilder().addIf(filter.status, 'wl_status = ?').addIf(filter.taskId, 'wl_task = ?').addIf(filter.channel, 'wl_channel = ?');
  return selectRows(context, 'outbox', `${where.sql} ORDER BY createdon, rowid`, ...where.params);
}
