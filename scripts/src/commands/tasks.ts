import { choiceLabel, closedStatuses, openStatuses, TaskNotFoundError, type CouncilSettings, type Store, type TaskQuery, type TaskStatus } from '@wardline/core';
import { printLines, type CliIo } from '../cli-io';
import { BadOptionError } from '../errors';
import { choiceKey } from '../import/model-cells';
import { formatLocal, formatShort } from '../output/dates';
import { formatTable } from '../output/table';

export interface TasksOptions {
  ward?: string;
  status?: string;
  type?: string;
  limit: string;
}

/** `--status open|closed|<status>[,<status>...]`: the families come from core/lifecycle. */
export function statusesFrom(text: string): TaskStatus[] {
  const statuses = new Set<TaskStatus>();
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (part.toLowerCase() === 'open') openStatuses.forEach((s) => statuses.add(s));
    else if (part.toLowerCase() === 'closed') closedStatuses.forEach((s) => statuses.add(s));
    else {
      try {
        statuses.add(choiceKey('wl_taskstatus', part, { file: '--status', field: 'status' }) as TaskStatus);
      } catch {
        throw new BadOptionError('--status', `"${part}" is not open, closed or a status (${openStatuses.concat(closedStatuses).join(', ')})`);
      }
    }
  }
  return [...statuses];
}

/** `wardline tasks`: a table of jobs, newest first, filtered by ward, status and type. */
export async function listTasks(store: Store, settings: CouncilSettings, options: TasksOptions, io: CliIo): Promise<void> {
  const limit = Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 10000) throw new BadOptionError('--limit', `"${options.limit}" is not a whole number from 1 to 10000`);
  const [wards, types, officers] = await Promise.all([store.listWards(), store.listTaskTypes(), store.listOfficers()]);
  const query: TaskQuery = { orderBy: 'reportedOn', descending: true, limit };
  if (options.ward) {
    const wanted = options.ward.trim().toLowerCase();
    const ward = wards.find((w) => w.name.toLowerCase() === wanted || w.code.toLowerCase() === wanted);
    if (!ward) throw new BadOptionError('--ward', `no ward is called or coded "${options.ward}"${wards.length ? ` (wards: ${wards.map((w) => w.name).join(', ')})` : ''}`);
    query.wardIds = [ward.id];
  }
  if (options.status) query.statuses = statusesFrom(options.status);
  if (options.type) {
    const type = types.find((t) => t.code === options.type?.trim().toLowerCase());
    if (!type) throw new BadOptionError('--type', `no task type has the code "${options.type}"`);
    query.taskTypeIds = [type.id];
  }
  const page = await store.listTasks(query);
  const wardName = new Map(wards.map((w) => [w.id, w.name]));
  const typeName = new Map(types.map((t) => [t.id, t.name]));
  const officerName = new Map(officers.map((o) => [o.id, o.name]));
  const zone = settings.timeZone;
  if (page.items.length === 0) {
    printLines(io, ['No jobs match.']);
    return;
  }
  const rows = page.items.map((t) => [
    t.reference,
    formatShort(t.reportedOn, zone),
    typeName.get(t.taskType) ?? t.taskType,
    t.ward ? (wardName.get(t.ward) ?? '') : '',
    choiceLabel('wl_taskstatus', t.status),
    choiceLabel('wl_priority', t.priority),
    formatShort(t.dueBy, zone),
    t.assignedOfficer ? (officerName.get(t.assignedOfficer) ?? '') : (t.assignedTeam ?? ''),
  ]);
  printLines(io, [...formatTable(['Reference', 'Reported', 'Type', 'Ward', 'Status', 'Priority', 'Due by', 'With'], rows, 32), '', `Showing ${page.items.length} of ${page.total} job${page.total === 1 ? '' : 's'}.`]);
}

/** `wardline tasks show REF`: one job, its triage and its timeline. */
export async function showTask(store: Store, settings: CouncilSettings, reference: string, io: CliIo): Promise<void> {
  const task = (await store.getTaskByReference(reference.trim().toUpperCase())) ?? (await store.getTask(reference.trim()));
  if (!task) throw new TaskNotFoundError(reference);
  const [timeline, wards, types, officers] = await Promise.all([store.getTimeline(task.id), store.listWards(), store.listTaskTypes(), store.listOfficers()]);
  const zone = settings.timeZone;
  const ward = wards.find((w) => w.id === task.ward);
  const officer = officers.find((o) => o.id === task.assignedOfficer);
  const duplicateOf = task.duplicateOf ? await store.getTask(task.duplicateOf) : undefined;
  const field = (label: string, value: string | number | null | undefined) => (value === null || value === undefined || value === '' ? [] : [`  ${label}: ${value}`]);
  printLines(io, [
    `${task.reference}: ${task.title}`,
    ...field('Task type', types.find((t) => t.id === task.taskType)?.name),
    ...field('Status', choiceLabel('wl_taskstatus', task.status)),
    ...field('Priority', `${choiceLabel('wl_priority', task.priority)}${task.priorityReason ? ` (${task.priorityReason})` : ''}`),
    ...field('Ward', ward ? `${ward.name} (${ward.code})` : task.wardCode),
    ...field('Location', `${task.latitude}, ${task.longitude}${task.address ? `, ${task.address}` : ''}`),
    ...field('Reported', `${formatLocal(task.reportedOn, zone)} by ${choiceLabel('wl_sourcechannel', task.sourceChannel)}${task.councillorRaised ? ' (raised by a councillor)' : ''}`),
    ...field('Due by', formatLocal(task.dueBy, zone)),
    ...field('Team', task.assignedTeam),
    ...field('Officer', officer?.name),
    ...field('Dispatch mode', choiceLabel('wl_dispatchmode', task.dispatchMode)),
    ...field('Reports', task.reportCount > 1 ? task.reportCount : undefined),
    ...field('Duplicate of', duplicateOf?.reference),
    ...field('Completed', formatLocal(task.completedOn, zone)),
    ...field('Resolution', task.resolution),
    ...field('Description', task.description),
    '',
    'Timeline:',
    ...inReadingOrder(timeline).flatMap((entry) => [
      `  ${formatShort(entry.occurredOn, zone)}  [${choiceLabel('wl_visibility', entry.visibility)}]  ${entry.summary}${entry.authorName ? ` (${entry.authorName})` : ''}`,
      ...(entry.note && entry.kind !== 'triage' ? entry.note.split('\n').map((line) => `      ${line}`) : []),
    ]),
  ]);
}

/** Entries written at the same instant read best with the report first and triage next. */
function inReadingOrder<T extends { occurredOn: string; kind: string }>(timeline: readonly T[]): T[] {
  const first = (kind: string) => (kind === 'created' ? 0 : kind === 'triage' ? 1 : 2);
  return timeline
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.occurredOn.localeCompare(b.entry.occurredOn) || first(a.entry.kind) - first(b.entry.kind) || a.index - b.index)
    .map(({ entry }) => entry);
}
