import { createHash } from 'node:crypto';
import { StaleTaskError, isClosedStatus, systemActor } from '@wardline/core';
import { checkJurisdiction, requireClient } from './authorise';
import { w3cDate } from './handle-get-requests';
import { Open311Error, Open311Errors } from './open311-errors';
import type { Open311Call, Open311Context } from './open311-context';
import { value } from './parse-form';
import { isSharedUpdate, statusesAlong, updateRecord } from './render-request';
import { incomingStatuses } from './status-map';
import type { WireDocument, WireRecord } from './wire';

const HOUR = 3_600_000;
const MAX_TASKS = 1000;

/**
 * GET servicerequestupdates (mySociety): public timeline entries whose time falls in
 * [start_date, end_date] (default the last 2 hours, as FixMyStreet asks), oldest first. Update
 * ids are the entries' own ids, so they never change between polls.
 */
export async function getUpdates(context: Open311Context, call: Open311Call): Promise<WireDocument> {
  checkJurisdiction(context, call);
  const problems: string[] = [];
  const start = w3cDate('start_date', value(call.fields, 'start_date'), problems);
  const end = w3cDate('end_date', value(call.fields, 'end_date'), problems);
  if (problems.length) throw Open311Error.many(problems);
  const to = end ?? context.clock();
  const from = start ?? new Date(to.getTime() - 2 * HOUR);
  if (from > to) throw Open311Error.many(['start_date is after end_date.']);
  // An entry's job was modified when the entry was stored, which is never before the entry's time.
  const { items } = await context.store.listTasks({ modifiedSince: from.toISOString(), orderBy: 'modifiedOn', limit: MAX_TASKS });
  const updates: { at: number; record: WireRecord }[] = [];
  for (const task of items) {
    const timeline = await context.store.getTimeline(task.id);
    const statuses = statusesAlong(timeline, task.status);
    for (const entry of timeline) {
      const at = Date.parse(entry.occurredOn);
      if (!isSharedUpdate(entry) || at < from.getTime() || at > to.getTime()) continue;
      updates.push({ at, record: updateRecord(task, entry, statuses.get(entry.id) ?? task.status) });
    }
  }
  updates.sort((a, b) => a.at - b.at);
  return { root: 'service_request_updates', item: 'request_update', items: updates.map((u) => u.record) };
}

const clientIdFor = (client: string, requestId: string, updateId: string): string => {
  const id = `open311:${client}:${requestId}:${updateId}`;
  return id.length <= 100 ? id : `open311:${createHash('sha256').update(id).digest('hex').slice(0, 40)}`;
};

/**
 * POST servicerequestupdates (mySociety): a resident's comment (or "still there") from the
 * client joins the job's timeline for staff and councillors; it never changes the job's status
 * by itself. The same update_id twice is refused (400), as FixMyStreet's own receiver does.
 */
export async function postUpdate(context: Open311Context, call: Open311Call): Promise<WireDocument> {
  await requireClient(context, call, 'post_service_request_update');
  checkJurisdiction(context, call);
  const problems: string[] = [];
  const required = ['service_request_id', 'update_id', 'status', 'updated_datetime', 'description'] as const;
  for (const name of required) if (value(call.fields, name) === undefined) problems.push(`${name} is required.`);
  const status = value(call.fields, 'status')?.toLowerCase();
  if (status && !(incomingStatuses as readonly string[]).includes(status)) problems.push(`status "${status.slice(0, 40)}" is not one of ${incomingStatuses.join(', ')} (any case).`);
  const when = w3cDate('updated_datetime', value(call.fields, 'updated_datetime'), problems);
  const description = value(call.fields, 'description') ?? '';
  if (description.length > 4000) problems.push(`description is ${description.length} characters long; the most allowed is 4000.`);
  if (problems.length) throw Open311Error.many(problems);

  const requestId = value(call.fields, 'service_request_id') as string;
  const updateId = value(call.fields, 'update_id') as string;
  const task = await context.store.getTaskByReference(requestId);
  if (!task) throw new Open311Error(404, Open311Errors.NotFound, { what: 'service_request_id', id: requestId.slice(0, 50) });
  const client = call.client?.name ?? 'open311';
  const clientId = clientIdFor(client, requestId, updateId);
  if (await context.store.getTimelineEntryByClientId(clientId)) throw new Open311Error(400, Open311Errors.DuplicateUpdate, { updateId: updateId.slice(0, 50), requestId: requestId.slice(0, 50) });

  const name = [value(call.fields, 'first_name'), value(call.fields, 'last_name')].filter((n) => n && n !== '-').join(' ');
  const stillThere = status === 'open' || status === 'reopen';
  const text = `${stillThere && isClosedStatus(task.status) ? 'The resident says it is still there. ' : ''}${description}${when ? `\n(Sent ${when.toISOString()} through ${client}${name ? ` by ${name}` : ''})` : ''}`;
  const tasks = await context.tasks();
  await tasks.act(task.id, { kind: 'note', text: text.slice(0, 4000), visibility: 'councillor', clientId }, systemActor(`Resident via ${client}`));
  const media = (call.fields.get('media_url') ?? []).filter((u) => /^https?:\/\/\S+$/.test(u.trim()));
  for (const [i, url] of media.entries()) {
    await actWithRetry(() => tasks.act(task.id, { kind: 'photo', photo: { url: url.trim(), type: 'image/jpeg' }, visibility: 'councillor', clientId: `${clientId}#${i + 1}`.slice(0, 100) }, systemActor(`Resident via ${client}`)));
  }
  const entry = await context.store.getTimelineEntryByClientId(clientId);
  call.log.info({ reference: task.reference, updateId }, 'Open311 update received');
  return { root: 'service_request_updates', item: 'request_update', items: [{ update_id: entry?.id ?? clientId }] };
}

async function actWithRetry<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof StaleTaskError) || attempt >= 3) throw error;
    }
  }
}
