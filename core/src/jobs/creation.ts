import { planEvents, residentSubscriptionEvents } from '../events';
import type { PersonRecipient } from '../events';
import { choiceLabel, sourceChannel } from '../model';
import type { Officer, Subscription, Task } from '../model';
import type { NewSubscription, NewTimelineEntry, TaskChange, TaskCreation } from '../store/store';
import { priorityLabel } from '../triage';
import type { TriageDecision } from '../triage';
import type { NewTask } from './new-task';

export interface CreationIds {
  id: string;
  reference: string;
  /** ISO instant the job is written. */
  now: string;
  /** Active subscriptions of the job's ward (councillor alerts). */
  wardSubscriptions: readonly Subscription[];
  personOf: (id: string) => Pick<Officer, 'id' | 'name' | 'role'> | undefined;
  /** Write events to the log channel too (see EventPlanInput.eventLog). */
  eventLog?: boolean;
}

const sourceLabel = (report: NewTask): string => choiceLabel(sourceChannel.name, report.source);

/** The resident's subscription for updates by email (preferred) or text message. */
function residentSubscription(report: NewTask, reference: string): NewSubscription | undefined {
  const email = report.reporter?.email;
  const phone = report.reporter?.phone;
  if (!email && !phone) return undefined;
  return { name: `Resident updates on ${reference}`, channel: email ? 'email' : 'sms', contact: email ?? phone, events: residentSubscriptionEvents, active: true };
}

/** The intake's own notes and the report's photos, as timeline entries. */
function intakeEntries(report: NewTask, occurredOn: string): NewTimelineEntry[] {
  return [
    ...(report.notes ?? []).map((n): NewTimelineEntry => ({ kind: 'note', summary: n.summary, note: n.note, occurredOn, visibility: n.visibility, authorName: null })),
    ...(report.photos ?? []).map((p): NewTimelineEntry => ({ kind: 'photo', summary: 'Photo from the reporter', attachmentUrl: p.url, attachmentType: p.type, occurredOn, visibility: 'councillor', authorName: null })),
  ];
}

/** A default title: the task type, where. */
export const defaultTitle = (report: NewTask, decision: TriageDecision): string =>
  (report.title ?? `${decision.taskType.name} ${report.address ? `at ${report.address}` : `in ${decision.ward.name}`}`).slice(0, 200);

/** A new job with its timeline, outbox events and subscriptions, written by one store call. */
export function buildCreation(report: NewTask, decision: TriageDecision, ids: CreationIds): TaskCreation {
  const { id, reference, now } = ids;
  const task: TaskCreation['task'] = {
    id, reference, title: defaultTitle(report, decision), description: report.description, taskType: decision.taskType.id,
    status: decision.status, priority: decision.priority, priorityReason: decision.reasons.join('; ').slice(0, 1000),
    latitude: report.latitude, longitude: report.longitude, address: report.address ?? null, uprn: report.uprn ?? null, usrn: report.usrn ?? null,
    ward: decision.ward.id, wardCode: decision.ward.code, wardVintage: decision.ward.vintage, asset: decision.asset?.id ?? null,
    sourceChannel: report.source, externalReference: report.externalReference ?? null,
    reporterName: report.reporter?.name ?? null, reporterEmail: report.reporter?.email ?? null, reporterPhone: report.reporter?.phone ?? null,
    councillorRaised: report.councillorRaised === true, assignedOfficer: decision.officer?.id ?? null, assignedTeam: decision.team,
    dispatchMode: decision.dispatchMode, dueBy: decision.dueBy, reportedOn: decision.reportedOn, reportCount: 1, rowVersion: 1,
  };
  const raisedBy = report.raisedBy ? ids.personOf(report.raisedBy) : undefined;
  const timeline: NewTimelineEntry[] = [
    { kind: 'created', summary: `Reported by ${sourceLabel(report)}`, toStatus: 'new', occurredOn: decision.reportedOn, visibility: 'public', author: raisedBy?.id ?? null, authorName: raisedBy?.name ?? null, clientId: report.clientId ?? null },
    { kind: 'triage', summary: `Triage: ${priorityLabel(decision.priority)} priority, ${decision.team}`.slice(0, 200), note: decision.explain().join('\n'), occurredOn: now, visibility: 'internal', authorName: 'Wardline' },
  ];
  timeline.push(...intakeEntries(report, decision.reportedOn));
  if (decision.officer) timeline.push({ kind: 'status_change', fromStatus: 'new', toStatus: 'assigned', summary: `Assigned to ${decision.officer.name}`, occurredOn: now, visibility: 'councillor', authorName: 'Wardline' });
  if (decision.offerTo.length) timeline.push({ kind: 'offer', summary: `Offered to ${decision.offerTo.map((o) => o.name).join(', ')}`.slice(0, 200), occurredOn: now, visibility: 'internal', authorName: 'Wardline' });

  const resident = residentSubscription(report, reference);
  const subscriptions: NewSubscription[] = resident ? [resident] : [];
  if (raisedBy && raisedBy.role === 'councillor') subscriptions.push({ name: `${raisedBy.name} follows ${reference}`, person: raisedBy.id, channel: 'teams', events: 'accepted,overdue,completed,could_not_complete', active: true });
  const asSubscription = (s: NewSubscription): Subscription => ({ id: '', createdOn: now, modifiedOn: now, person: null, task: id, ward: null, taskType: null, contact: null, active: true, ...s } as Subscription);

  const plan = (eventType: 'task.raised' | 'task.assigned' | 'task.offered', people: PersonRecipient[], subs: readonly Subscription[] = []) =>
    planEvents({ eventType, task: { id, reference, title: task.title, status: task.status, ward: decision.ward.id, taskType: decision.taskType.id }, rowVersion: 1, occurredOn: now, people, subscriptions: subs, personOf: ids.personOf, eventLog: ids.eventLog });
  const outbox = [...plan('task.raised', [], [...ids.wardSubscriptions, ...subscriptions.map(asSubscription)])];
  if (decision.officer) outbox.push(...plan('task.assigned', [{ person: decision.officer, reason: 'assignee' }]));
  if (decision.offerTo.length) outbox.push(...plan('task.offered', decision.offerTo.map((person) => ({ person, reason: 'offer' as const }))));
  return { task, timeline, outbox, subscriptions };
}

/** A further report of an open job: counted, its reporter subscribed and acknowledged, the decision kept. */
export function buildDuplicateChange(existing: Task, report: NewTask, decision: TriageDecision, now: string, eventLog?: boolean): TaskChange {
  const resident = residentSubscription(report, existing.reference);
  const rowVersion = existing.rowVersion + 1;
  const distance = Math.round(decision.duplicateOf?.distanceMetres ?? 0);
  const clientId = report.clientId ?? (report.externalReference ? `${report.source}:${report.externalReference}` : null);
  const timeline: NewTimelineEntry[] = [
    { kind: 'duplicate_report', summary: `Reported again by ${sourceLabel(report)}, ${distance} m away`, note: report.description, occurredOn: decision.reportedOn, visibility: 'internal', authorName: report.reporter?.name ? 'Resident' : 'Wardline', clientId },
    { kind: 'triage', summary: `Triage: duplicate of ${existing.reference}`, note: decision.explain().join('\n'), occurredOn: now, visibility: 'internal', authorName: 'Wardline' },
    ...intakeEntries(report, decision.reportedOn),
  ];
  const outbox = planEvents({
    eventType: 'task.duplicate_report', task: existing, rowVersion, occurredOn: now, eventLog,
    onlyResident: resident && resident.contact ? { channel: resident.channel === 'sms' ? 'sms' : 'email', contact: resident.contact } : undefined,
  });
  return { id: existing.id, expectedRowVersion: existing.rowVersion, set: { reportCount: existing.reportCount + 1 }, timeline, outbox, subscriptions: resident ? [resident] : [] };
}
