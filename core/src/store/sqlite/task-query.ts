import { priority, type Task, type TaskStatus } from '../../model';
import type { Page, TaskQuery } from '../store';
import { normaliseDate } from './codec';
import { selectRows, type SqliteContext } from './context';
import { WhereBuilder } from './where';

/**
 * Job queries. Every filter is a plain indexed condition (ward+status, status+dueBy,
 * assignedOfficer+status, reportedOn, modifiedOn), so a ward with tens of thousands of jobs is
 * read through an index, never a full scan. Lists are passed as JSON to keep the SQL text, and so
 * the prepared statement, the same whatever their length.
 */

/** Statuses of a job still being worked (new to on hold). */
export const openStatuses: readonly TaskStatus[] = ['new', 'assigned', 'accepted', 'in_progress', 'on_hold'];

const inList = (column: string): string => `${column} IN (SELECT value FROM json_each(?))`;
const json = (values: readonly unknown[]): unknown[] => [JSON.stringify(values)];
const date = (field: string) => (value: string): unknown[] => [normaliseDate('task', field, value)];

/** Priority order: most urgent first, as the choice declares it. */
const priorityRank = `CASE wl_priority ${priority.options.map((o, i) => `WHEN '${o.key}' THEN ${i}`).join(' ')} END`;

const orderColumns: Record<NonNullable<TaskQuery['orderBy']>, string> = {
  reportedOn: 'wl_reportedon',
  dueBy: 'wl_dueby',
  priority: priorityRank,
  modifiedOn: 'modifiedon',
};

function whereFor(query: TaskQuery): WhereBuilder {
  const where = new WhereBuilder()
    .addIf(query.wardIds, inList('wl_ward'), json)
    .addIf(query.statuses, inList('wl_status'), json)
    .addIf(query.taskTypeIds, inList('wl_tasktype'), json)
    .addIf(query.priorities, inList('wl_priority'), json)
    .addIf(query.assignedTeam, 'wl_assignedteam = ?')
    .addIf(query.sourceChannel, 'wl_sourcechannel = ?')
    .addIf(query.councillorRaised, 'wl_councillorraised = ?', (v) => [v ? 1 : 0])
    .addIf(query.reportedFrom, 'wl_reportedon >= ?', date('reportedFrom'))
    .addIf(query.reportedTo, 'wl_reportedon < ?', date('reportedTo'))
    .addIf(query.modifiedSince, 'modifiedon >= ?', date('modifiedSince'))
    .addIf(query.overdueAt, `wl_dueby < ? AND ${inList('wl_status')}`, (v) => [normaliseDate('task', 'overdueAt', v), JSON.stringify(openStatuses)])
    .addIf(query.bbox, 'wl_latitude BETWEEN ? AND ? AND wl_longitude BETWEEN ? AND ?', (b) => [b.minLatitude, b.maxLatitude, b.minLongitude, b.maxLongitude]);
  if (query.assignedOfficer === null) where.add('wl_assignedofficer IS NULL');
  else if (query.assignedOfficer !== undefined) where.add('wl_assignedofficer = ?', query.assignedOfficer);
  if (query.text?.trim()) {
    const pattern = `%${query.text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.add("(wl_reference LIKE ? ESCAPE '\\' OR wl_title LIKE ? ESCAPE '\\' OR wl_address LIKE ? ESCAPE '\\')", pattern, pattern, pattern);
  }
  return where;
}

/**
 * Jobs matching every given filter, a page at a time, with the total. Ordered by `orderBy`
 * (default reportedOn; for priority, ascending means most urgent first), then by id so paging is stable.
 * Without a limit every match is returned.
 */
export function queryTasks(context: SqliteContext, query: TaskQuery): Page<Task> {
  const where = whereFor(query);
  const direction = query.descending ? 'DESC' : 'ASC';
  const order = `ORDER BY ${orderColumns[query.orderBy ?? 'reportedOn']} ${direction}, id ${direction}`;
  const limit = query.limit === undefined ? -1 : Math.max(0, query.limit);
  const offset = Math.max(0, query.offset ?? 0);
  const items = selectRows(context, 'task', `${where.sql} ${order} LIMIT ? OFFSET ?`, ...where.params, limit, offset);
  const total = context.statements.first<{ total: number }>(`SELECT COUNT(*) AS total FROM wl_task ${where.sql}`, ...where.params)?.total ?? 0;
  return { items, total };
}

/** Every open job (for the duplicate index). */
export function openTasks(context: SqliteContext): Task[] {
  return selectRows(context, 'task', `WHERE ${inList('wl_status')} ORDER BY wl_reportedon, id`, JSON.stringify(openStatuses));
}
