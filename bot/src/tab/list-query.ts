import { closedStatuses, openStatuses, taskStatus, type TaskQuery, type TaskStatus } from '@wardline/core';
import { TabError, TabErrors } from './tab-errors';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

const statusKeys = new Set<string>(taskStatus.options.map((o) => o.key));
const DAY_MS = 86_400_000;

type Params = Record<string, unknown>;
const one = (params: Params, name: string): string | undefined => {
  const value = params[name];
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === 'string' && text.trim() !== '' ? text.trim() : undefined;
};
const bad = (field: string, problem: string): never => {
  throw new TabError(TabErrors.BadQuery, { field, problem });
};

function integer(params: Params, name: string, min: number, max: number): number | undefined {
  const text = one(params, name);
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) bad(name, `"${text}" is not a whole number from ${min} to ${max}`);
  return Number(text);
}

/** `status=open|closed|new,assigned,…` as a list of statuses. */
function statuses(text: string | undefined): TaskStatus[] | undefined {
  if (!text) return undefined;
  if (text === 'open') return [...openStatuses];
  if (text === 'closed') return [...closedStatuses];
  const list = text.split(',').map((s) => s.trim());
  for (const s of list) if (!statusKeys.has(s)) bad('status', `"${s}" is not open, closed or one of ${[...statusKeys].join(', ')}`);
  return list as TaskStatus[];
}

export interface ListRequest {
  query: TaskQuery;
  page: number;
  pageSize: number;
  ward?: string;
  raisedByMe: boolean;
  followed: boolean;
}

/**
 * Reads the list filters: status, type (task type id), ward, overdue=1, age (older than N days),
 * q (reference, title or address), raisedByMe=1, followed=1, sort, page (from 1), pageSize.
 */
export function readListRequest(params: Params, now: Date): ListRequest {
  const page = integer(params, 'page', 1, 100_000) ?? 1;
  const pageSize = integer(params, 'pageSize', 1, MAX_PAGE_SIZE) ?? DEFAULT_PAGE_SIZE;
  const age = integer(params, 'age', 0, 3650);
  const type = one(params, 'type');
  const sort = one(params, 'sort') ?? 'newest';
  const sorts: Record<string, Pick<TaskQuery, 'orderBy' | 'descending'>> = {
    newest: { orderBy: 'reportedOn', descending: true }, oldest: { orderBy: 'reportedOn', descending: false },
    due: { orderBy: 'dueBy', descending: false }, priority: { orderBy: 'priority', descending: false }, updated: { orderBy: 'modifiedOn', descending: true },
  };
  if (!sorts[sort]) bad('sort', `"${sort}" is not one of ${Object.keys(sorts).join(', ')}`);
  const query: TaskQuery = {
    statuses: statuses(one(params, 'status')),
    taskTypeIds: type ? type.split(',') : undefined,
    overdueAt: one(params, 'overdue') === '1' ? now.toISOString() : undefined,
    reportedTo: age !== undefined ? new Date(now.getTime() - age * DAY_MS).toISOString() : undefined,
    text: one(params, 'q'),
    ...sorts[sort],
    limit: pageSize,
    offset: (page - 1) * pageSize,
  };
  return { query, page, pageSize, ward: one(params, 'ward'), raisedByMe: one(params, 'raisedByMe') === '1', followed: one(params, 'followed') === '1' };
}
