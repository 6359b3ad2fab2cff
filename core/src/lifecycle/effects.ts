import { DescriptionRequiredError, InvalidInputError, MergeTargetInvalidError, PhotoRequiredError, ReasonRequiredError } from '../errors';
import type { Task, TaskStatus, Visibility } from '../model';
import type { NewTimelineEntry } from '../store/store';
import type { TaskEventType } from '../events';
import type { PersonRecipient } from '../events';
import { priorityLabel } from '../triage/priority-levels';
import { actionVerb } from './actions';
import type { TaskAction } from './actions';
import type { Actor } from './actor';
import type { LifecycleContext, PersonSummary } from './lifecycle-context';
import { isOpenStatus } from './statuses';
import { statusLabel } from './transitions';

type Entry = Omit<NewTimelineEntry, 'occurredOn' | 'author' | 'authorName'>;

/** What an action does: the new status, the fields it sets, its timeline entries and its events. */
export interface Effect {
  to: TaskStatus;
  set: Partial<Task>;
  timeline: Entry[];
  events: { type: TaskEventType; people: PersonRecipient[]; detail?: Record<string, string> }[];
}

const required = (text: string | undefined, action: TaskAction, task: Task): string => {
  const trimmed = text?.trim();
  if (!trimmed) throw new ReasonRequiredError(actionVerb[action.kind], task.reference);
  return trimmed;
};
const statusEntry = (from: TaskStatus, to: TaskStatus, summary: string, visibility: Visibility, note?: string): Entry => ({ kind: 'status_change', fromStatus: from, toStatus: to, summary, visibility, note: note ?? null });
const note = (text: string | undefined, visibility: Visibility): Entry[] => (text?.trim() ? [{ kind: 'note', summary: visibility === 'internal' ? 'Internal note' : 'Note', note: text.trim(), visibility }] : []);
const who = (person: PersonSummary | undefined, reason: PersonRecipient['reason']): PersonRecipient[] => (person ? [{ person, reason }] : []);

/** Works out an action's effect; validation errors are thrown before anything is written. */
export function effectOf(task: Task, action: TaskAction, actor: Actor, context: LifecycleContext): Effect {
  const from = task.status;
  const assignee = task.assignedOfficer ? context.personOf(task.assignedOfficer) : undefined;
  const stay = (entries: Entry[], type: TaskEventType, people: PersonRecipient[] = [], set: Partial<Task> = {}): Effect => ({ to: from, set, timeline: entries, events: [{ type, people }] });
  switch (action.kind) {
    case 'assign':
      return { to: 'assigned', set: { status: 'assigned', assignedOfficer: action.officer.id, ...(action.team ? { assignedTeam: action.team } : {}) }, timeline: [statusEntry(from, 'assigned', `Assigned to ${action.officer.name}`, 'councillor')], events: [{ type: 'task.assigned', people: who(action.officer, 'assignee') }] };
    case 'offer':
      if (action.officers.length === 0) throw new InvalidInputError('officers', 'an offer needs at least one officer or volunteer');
      return stay([{ kind: 'offer', summary: `Offered to ${action.officers.map((o) => o.name).join(', ')}`.slice(0, 200), visibility: 'internal' }], 'task.offered', action.officers.map((person) => ({ person, reason: 'offer' as const })), { assignedOfficer: null });
    case 'accept': {
      const others = context.offeredTo.filter((id) => id !== actor.id).map((id) => context.personOf(id)).filter((p): p is PersonSummary => p !== undefined);
      const events: Effect['events'] = [{ type: 'task.accepted', people: [] }];
      if (from === 'new' && others.length) events.push({ type: 'task.offer_taken', people: others.map((person) => ({ person, reason: 'offer_taken' as const })) });
      return { to: 'accepted', set: { status: 'accepted', assignedOfficer: actor.id ?? task.assignedOfficer, acceptedOn: context.now }, timeline: [statusEntry(from, 'accepted', `Accepted by ${actor.name}`, 'councillor')], events };
    }
    case 'decline': {
      const reason = required(action.reason, action, task);
      const entry: Entry = { kind: 'decline', summary: `Declined by ${actor.name}`, note: reason, visibility: 'internal' };
      const supervisors = (context.supervisorsOf?.(task.assignedTeam ?? '') ?? []).map((person) => ({ person, reason: 'supervisor' as const }));
      if (from === 'assigned' && task.assignedOfficer === actor.id) {
        return { to: 'new', set: { status: 'new', assignedOfficer: null }, timeline: [entry, statusEntry(from, 'new', 'Back in the team queue', 'internal')], events: [{ type: 'task.declined', people: supervisors, detail: { declineReason: reason, noTaker: 'assignee' } }] };
      }
      const othersOffered = context.offeredTo.filter((id) => id !== actor.id);
      if (from === 'new' && !task.assignedOfficer && actor.id && context.offeredTo.includes(actor.id) && othersOffered.length === 0) {
        // The last person holding an offer declined: nobody has the job, so its supervisors are told.
        return { to: from, set: {}, timeline: [entry], events: [{ type: 'task.declined', people: supervisors, detail: { declineReason: reason, noTaker: 'offer' } }] };
      }
      return stay([entry], 'task.declined');
    }
    case 'start':
      return { to: 'in_progress', set: { status: 'in_progress', startedOn: task.startedOn ?? context.now, acceptedOn: task.acceptedOn ?? context.now }, timeline: [statusEntry(from, 'in_progress', 'Work started', 'public')], events: [{ type: 'task.started', people: [] }] };
    case 'hold': {
      const reason = required(action.reason, action, task);
      return { to: 'on_hold', set: { status: 'on_hold' }, timeline: [statusEntry(from, 'on_hold', 'Put on hold', 'councillor', reason)], events: [{ type: 'task.on_hold', people: [], detail: {} }] };
    }
    case 'resume':
      return { to: 'in_progress', set: { status: 'in_progress' }, timeline: [statusEntry(from, 'in_progress', 'Work resumed', 'public')], events: [{ type: 'task.resumed', people: [] }] };
    case 'complete': {
      const publicNote = action.publicNote?.trim();
      if (!publicNote) throw new DescriptionRequiredError(actionVerb.complete, task.reference);
      if (context.taskType.requirePhoto && !action.photo && !context.hasPhoto) throw new PhotoRequiredError(task.reference, context.taskType.name);
      const photo: Entry[] = action.photo ? [{ kind: 'photo', summary: 'Photo on completion', attachmentUrl: action.photo.url, attachmentType: action.photo.type, visibility: 'internal' }] : [];
      return { to: 'completed', set: { status: 'completed', completedOn: context.now, resolution: publicNote }, timeline: [statusEntry(from, 'completed', 'Completed', 'public', publicNote), ...photo, ...note(action.internalNote, 'internal')], events: [{ type: 'task.completed', people: [], detail: { publicNote } }] };
    }
    case 'couldNotComplete': {
      const reason = required(action.reason, action, task);
      return { to: 'could_not_complete', set: { status: 'could_not_complete', completedOn: context.now, resolution: reason }, timeline: [statusEntry(from, 'could_not_complete', statusLabel('could_not_complete'), 'public', reason), ...note(action.internalNote, 'internal')], events: [{ type: 'task.could_not_complete', people: [], detail: { publicNote: reason } }] };
    }
    case 'cancel': {
      const reason = required(action.reason, action, task);
      return { to: 'cancelled', set: { status: 'cancelled' }, timeline: [statusEntry(from, 'cancelled', 'Cancelled', 'councillor', reason)], events: [{ type: 'task.cancelled', people: who(assignee, 'assignee') }] };
    }
    case 'reassign': {
      const to: TaskStatus = action.officer ? 'assigned' : 'new';
      const team = action.team ?? task.assignedTeam;
      const target = action.officer ? action.officer.name : `the ${team} queue`;
      const entry: Entry = { kind: 'reassignment', fromStatus: from, toStatus: to, summary: `Reassigned from ${assignee?.name ?? 'nobody'} to ${target}`.slice(0, 200), note: action.reason?.trim() || null, visibility: 'councillor' };
      return { to, set: { status: to, assignedOfficer: action.officer?.id ?? null, assignedTeam: team, acceptedOn: null }, timeline: [entry], events: [{ type: 'task.reassigned', people: [...who(action.officer, 'assignee'), ...(assignee && assignee.id !== action.officer?.id ? who(assignee, 'previous_assignee') : [])] }] };
    }
    case 'reprioritise': {
      const reason = required(action.reason, action, task);
      const summary = `Priority changed from ${priorityLabel(task.priority)} to ${priorityLabel(action.priority)}`;
      return stay([{ kind: 'priority_change', summary, note: reason, visibility: 'councillor' }], 'task.reprioritised', who(assignee, 'assignee'), { priority: action.priority, priorityReason: `${summary} by ${actor.name}: ${reason}`.slice(0, 1000) });
    }
    case 'merge': {
      if (action.into.id === task.id) throw new MergeTargetInvalidError(task.reference, action.into.reference, 'a job cannot be merged into itself');
      if (!isOpenStatus(action.into.status)) throw new MergeTargetInvalidError(task.reference, action.into.reference, `it is ${statusLabel(action.into.status)}`);
      return { to: 'merged', set: { status: 'merged', duplicateOf: action.into.id }, timeline: [{ kind: 'merged', fromStatus: from, toStatus: 'merged', summary: `Merged into ${action.into.reference}`, note: action.reason?.trim() || null, visibility: 'public' }], events: [{ type: 'task.merged', people: who(assignee, 'assignee'), detail: { into: action.into.reference } }] };
    }
    case 'note': {
      const text = action.text?.trim();
      if (!text) throw new InvalidInputError('text', 'a note cannot be empty');
      const visibility = actor.role === 'councillor' ? 'councillor' : action.visibility ?? 'internal';
      return stay([{ kind: 'note', summary: `Note from ${actor.name}`.slice(0, 200), note: text, visibility }], 'task.note_added');
    }
    case 'photo':
      if (!action.photo?.url) throw new InvalidInputError('photo', 'a photo needs the address where it is stored');
      return stay([{ kind: 'photo', summary: `Photo from ${actor.name}`.slice(0, 200), note: action.note?.trim() || null, attachmentUrl: action.photo.url, attachmentType: action.photo.type, visibility: action.visibility ?? 'internal' }], 'task.photo_added');
  }
}
