import {
  allowedFrom, authorise, actorFromOfficer, choiceLabel, isOpenStatus, viewTask, viewTimeline,
  type Task, type TaskActionKind, type TaskAction, type TaskUpdate,
} from '@wardline/core';
import type { Viewer } from '../identity';
import { audienceOf } from './access';
import type { Directory } from './directory';

/** A job as the tab lists it: the redacted view plus labels and names. */
export type JobSummary = ReturnType<typeof jobSummary>;

export function jobSummary(task: Task, viewer: Viewer, directory: Directory, now: Date) {
  const taskType = directory.taskTypes.get(task.taskType);
  const view = viewTask(task, audienceOf(viewer), { taskType: { redaction: taskType?.redaction ?? 'standard' }, viewerId: viewer.person.id });
  return {
    ...view,
    statusLabel: choiceLabel('wl_taskstatus', task.status),
    priorityLabel: choiceLabel('wl_priority', task.priority),
    taskTypeName: taskType?.name ?? 'Unknown type',
    taskTypeCode: taskType?.code ?? null,
    wardName: task.ward ? directory.wards.get(task.ward)?.name ?? null : null,
    assignedOfficerName: task.assignedOfficer ? directory.people.get(task.assignedOfficer)?.name ?? null : null,
    overdue: isOpenStatus(task.status) && !!task.dueBy && task.dueBy < now.toISOString(),
    open: isOpenStatus(task.status),
    requirePhoto: taskType?.requirePhoto ?? false,
  };
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A date as people in the UK read it ("5 Nov 2026"), in the council's time zone. Lists carry it
 * ready made: a browser's first date format costs it tens of milliseconds (loading its locale
 * data), which would otherwise hold up the first list of cases.
 */
export function dateLabel(iso: string, timeZone: string): string {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone });
    dateFormats.set(timeZone, format);
  }
  return format.format(new Date(iso));
}

const OFFERED: readonly TaskActionKind[] = ['accept', 'decline', 'start', 'hold', 'resume', 'complete', 'couldNotComplete', 'note', 'photo', 'reassign', 'reprioritise', 'merge', 'cancel'];

/** Sample action of each kind, enough for the permission check (which reads only the kind and visibility). */
const sample = (kind: TaskActionKind): TaskAction => ({ kind, visibility: 'internal' }) as unknown as TaskAction;

/** The lifecycle actions this person may take on the job now (the same checks core applies). */
export function actionsFor(task: Task, viewer: Viewer): TaskActionKind[] {
  const actor = actorFromOfficer(viewer.person);
  return OFFERED.filter((kind) => {
    if (kind !== 'note' && kind !== 'photo' && !allowedFrom[kind].includes(task.status)) return false;
    const action = viewer.role === 'councillor' && kind === 'note' ? ({ kind: 'note', text: '', visibility: 'councillor' } as TaskAction) : sample(kind);
    try {
      authorise(task, action, actor, []);
      return true;
    } catch {
      return false;
    }
  });
}

/** The timeline this person may read, oldest first, with labels. */
export function timelineFor(entries: readonly TaskUpdate[], viewer: Viewer) {
  return viewTimeline(entries, audienceOf(viewer), { viewerId: viewer.person.id }).map((entry) => ({
    id: entry.id, kind: entry.kind, summary: entry.summary, note: entry.note, occurredOn: entry.occurredOn, authorName: entry.authorName,
    visibility: entry.visibility, attachmentUrl: entry.attachmentUrl, attachmentType: entry.attachmentType, clientId: entry.clientId,
    toStatus: entry.toStatus, toStatusLabel: entry.toStatus ? choiceLabel('wl_taskstatus', entry.toStatus) : null,
  }));
}
