import type { Officer, Subscription, WardMember } from '../../model';
import type { NewSubscription } from '../store';
import { InvalidValueError, RowNotFoundError } from '../store-errors';
import { guarded } from './constraint-errors';
import { insertRow, selectById, selectRows, type SqliteContext } from './context';
import { sqlName } from './schema';
import { WhereBuilder } from './where';

/** Reads and small writes of reference data: wards, people, subscriptions. */

export function wardMembers(context: SqliteContext, filter: { wardId?: string; councillorId?: string } = {}): WardMember[] {
  const where = new WhereBuilder().addIf(filter.wardId, 'wl_ward = ?').addIf(filter.councillorId, 'wl_councillor = ?');
  return selectRows(context, 'wardMember', `${where.sql} ORDER BY wl_name, id`, ...where.params);
}

/** People by role and team (`teams` is comma-separated; a team matches one entry exactly, ignoring case). */
export function officers(context: SqliteContext, filter: { role?: Officer['role']; team?: string } = {}): Officer[] {
  const where = new WhereBuilder().addIf(filter.role, 'wl_role = ?');
  const rows = selectRows(context, 'officer', `${where.sql} ORDER BY wl_name, id`, ...where.params);
  const team = filter.team?.trim().toLowerCase();
  return team ? rows.filter((o) => (o.teams ?? '').split(',').some((t) => t.trim().toLowerCase() === team)) : rows;
}

const fixedOfficerColumns = new Set(['id', 'createdOn', 'modifiedOn']);

/** Changes a person's columns (e.g. onDuty, conversationReference) and returns the stored row. */
export function changeOfficer(context: SqliteContext, id: string, set: Record<string, unknown>): Officer {
  const codec = context.codecs.officer;
  const keys = Object.keys(set).filter((k) => set[k] !== undefined);
  const params = keys.map((key) => {
    const column = codec.table.columns.find((c) => c.key === key);
    if (!column || fixedOfficerColumns.has(key)) throw new InvalidValueError('officer', key, 'is not a column that can be changed');
    return codec.toSql(column, set[key]);
  });
  const assignments = [...keys.map((k) => `${sqlName(k)} = ?`), 'modifiedon = ?'].join(', ');
  const changed = guarded(context.statements, codec.table, set, () => context.statements.run(`UPDATE wl_officer SET ${assignments} WHERE id = ?`, ...params, context.now(), id));
  if (!changed) throw new RowNotFoundError('officer', id);
  return selectById(context, 'officer', id) as Officer;
}

/** Subscriptions matching every given filter. */
export function subscriptions(context: SqliteContext, filter: { taskId?: string; wardId?: string; personId?: string }): Subscription[] {
  const where = new WhereBuilder().addIf(filter.taskId, 'wl_task = ?').addIf(filter.wardId, 'wl_ward = ?').addIf(filter.personId, 'wl_person = ?');
  return selectRows(context, 'subscription', `${where.sql} ORDER BY createdon, id`, ...where.params);
}

/** Adds subscriptions (the caller provides the transaction). */
export function insertSubscriptions(context: SqliteContext, rows: readonly NewSubscription[]): Subscription[] {
  const now = context.now();
  return rows.map((row) => insertRow(context, 'subscription', row, now));
}
