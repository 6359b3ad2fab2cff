import type { Task, TaskQuery } from '@wardline/core';
import { checkJurisdiction } from './authorise';
import { Open311Error, Open311Errors } from './open311-errors';
import type { Open311Call, Open311Context } from './open311-context';
import { value } from './parse-form';
import { requestRecord } from './render-request';
import { statusesFor } from './status-map';
import type { WireDocument } from './wire';

const DAY = 86_400_000;
/** The spec's default window and cap: the last 90 days or the first 1,000 requests, whichever is smaller. */
export const WINDOW_DAYS = 90;
export const MAX_REQUESTS = 1000;
const W3C = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/;

/** A W3C-DTF date from a query parameter, or a 400 naming it. */
export function w3cDate(name: string, text: string | undefined, problems: string[]): Date | undefined {
  if (text === undefined) return undefined;
  const when = new Date(text);
  if (!W3C.test(text) || Number.isNaN(when.getTime())) {
    problems.push(`${name} "${text.slice(0, 40)}" is not a W3C date and time, e.g. 2025-01-06T09:00:00Z.`);
    return undefined;
  }
  return when;
}

const splitList = (text: string | undefined): string[] => (text ?? '').split(',').map((s) => s.trim()).filter(Boolean);

async function recordsFor(context: Open311Context, tasks: Task[]): Promise<WireDocument> {
  const catalogue = await context.catalogue();
  const types = new Map((await context.store.listTaskTypes()).map((t) => [t.id, t]));
  const items = await Promise.all(tasks.map(async (task) => {
    const type = types.get(task.taskType);
    const timeline = (await context.store.getTimeline(task.id)).filter((e) => e.visibility === 'public');
    return requestRecord(task, { catalogue, councilName: context.settings.councilName, publicTimeline: timeline, redaction: type?.redaction ?? 'sensitive', taskTypeCode: type?.code ?? '', taskTypeName: type?.name ?? '' });
  }));
  return { root: 'service_requests', item: 'request', items };
}

/**
 * GET requests: by service_request_id (a comma list, which overrides every other filter), or by
 * service_code, status and a start/end window on requested_datetime of at most 90 days
 * (default: the last 90 days), newest first, at most 1,000.
 */
export async function getRequests(context: Open311Context, call: Open311Call): Promise<WireDocument> {
  checkJurisdiction(context, call);
  const ids = splitList(value(call.fields, 'service_request_id'));
  if (ids.length) {
    const found = await Promise.all(ids.slice(0, MAX_REQUESTS).map((id) => context.store.getTaskByReference(id)));
    return recordsFor(context, found.filter((t): t is Task => t !== undefined));
  }
  const problems: string[] = [];
  const start = w3cDate('start_date', value(call.fields, 'start_date'), problems);
  const end = w3cDate('end_date', value(call.fields, 'end_date'), problems);
  const statuses = splitList(value(call.fields, 'status')).map((s) => s.toLowerCase());
  for (const status of statuses) if (status !== 'open' && status !== 'closed') problems.push(`status "${status.slice(0, 20)}" is not open or closed.`);
  const to = end ?? (start ? new Date(start.getTime() + WINDOW_DAYS * DAY) : context.clock());
  const from = start ?? new Date(to.getTime() - WINDOW_DAYS * DAY);
  if (!problems.length && from > to) problems.push('start_date is after end_date.');
  if (!problems.length && to.getTime() - from.getTime() > WINDOW_DAYS * DAY) problems.push(`start_date to end_date spans more than ${WINDOW_DAYS} days: ask for ${WINDOW_DAYS} days or fewer at a time.`);
  if (problems.length) throw Open311Error.many(problems);

  // The store's end is exclusive; the spec's end_date is inclusive.
  const query: TaskQuery = { reportedFrom: from.toISOString(), reportedTo: new Date(to.getTime() + 1).toISOString(), orderBy: 'reportedOn', descending: true, limit: MAX_REQUESTS };
  const codes = splitList(value(call.fields, 'service_code'));
  if (codes.length) {
    const catalogue = await context.catalogue();
    query.taskTypeIds = codes.map((code) => catalogue.get(code)?.taskType.id).filter((id): id is string => id !== undefined);
    if (!query.taskTypeIds.length) return { root: 'service_requests', item: 'request', items: [] };
  }
  if (statuses.length === 1) query.statuses = statusesFor(statuses[0] as 'open' | 'closed');
  const page = await context.store.listTasks(query);
  return recordsFor(context, page.items);
}

/** GET requests/{id}: one request, still wrapped in service_requests/request. */
export async function getRequest(context: Open311Context, call: Open311Call): Promise<WireDocument> {
  checkJurisdiction(context, call);
  const task = await context.store.getTaskByReference(call.id ?? '');
  if (!task) throw new Open311Error(404, Open311Errors.NotFound, { what: 'service_request_id', id: (call.id ?? '').slice(0, 50) });
  return recordsFor(context, [task]);
}

/** GET tokens/{token}: the reference a batch service's token stands for. */
export async function getToken(context: Open311Context, call: Open311Call): Promise<WireDocument> {
  checkJurisdiction(context, call);
  const token = call.id ?? '';
  const task = /^[0-9a-fA-F-]{36}$/.test(token) ? await context.store.getTask(token.toLowerCase()) : undefined;
  if (!task) throw new Open311Error(404, Open311Errors.NotFound, { what: 'token', id: token.slice(0, 50) });
  return { root: 'service_requests', item: 'request', items: [{ service_request_id: task.reference, token }] };
}
