import { viewTask, type Officer, type OutboxEvent, type Task } from '@wardline/core';
import { buildCouncillorCard, buildNoticeCard, buildSupervisorAlertCard, type AdaptiveCard } from '../../cards';
import type { JobCards } from '../job-cards';

/** The payload core/events writes for a Teams event (plus Wardline's own officer-unreachable note). */
export interface TeamsPayload {
  eventType: string;
  taskId?: string;
  reference?: string;
  rowVersion?: number;
  audience?: string;
  reason?: string;
  publicNote?: string;
  officerId?: string;
  officerName?: string;
  problem?: string;
  /** A decline's reason, and whose decline left the job with nobody: the assignee's, or the last offer's. */
  declineReason?: string;
  noTaker?: 'assignee' | 'offer';
}

/** What to do in the recipient's chat for one event. */
export type TeamsMessage =
  | { kind: 'newCard'; card: AdaptiveCard; summary: string; rememberFor?: string }
  | { kind: 'updateCard'; card: AdaptiveCard; taskId: string; orNew: boolean; summary: string }
  | { kind: 'nothing'; why: string };

export const OFFICER_UNREACHABLE = 'teams.officer_unreachable';

const closedNotice: Record<string, string> = {
  'task.cancelled': 'This job was cancelled',
  'task.merged': 'This job was merged into another',
  'task.reassigned': 'This job was reassigned',
  'task.reprioritised': 'The priority of this job changed',
};

/** Events a councillor hears about, by their subscription name. */
const councillorEvent = (eventType: string): string => eventType.replace(/^task\./, '');

/**
 * Decides the message for one Teams outbox event and builds its card from the job as it is now
 * (so a late delivery never shows a stale state).
 */
export async function planTeamsMessage(event: OutboxEvent, payload: TeamsPayload, recipient: Officer, cards: JobCards): Promise<TeamsMessage> {
  if (payload.eventType === OFFICER_UNREACHABLE) {
    const task = payload.taskId ? await cards.task(payload.taskId).catch(() => undefined) : undefined;
    const text = `Wardline could not reach ${payload.officerName ?? 'an officer'} in Teams (${payload.problem ?? 'the app is not installed for them'}). Ask them to install or reopen the Wardline app.`;
    if (!task) return { kind: 'newCard', card: buildNoticeCard('Could not reach an officer in Teams', text, 'warning'), summary: text };
    const { people } = await cards.reference();
    const team = task.assignedTeam?.toLowerCase();
    const candidates = [...people.values()].filter((p) => (p.role === 'officer' || p.role === 'volunteer') && team && (p.teams ?? '').toLowerCase().includes(team) && p.id !== payload.officerId);
    return { kind: 'newCard', card: buildSupervisorAlertCard({ alert: 'unreachable', task, taskType: await cards.taskTypeOf(task), assigneeName: payload.officerName, reason: text, candidates, links: cards.links, timeZone: cards.timeZone }), summary: text };
  }
  if (!payload.taskId) return { kind: 'nothing', why: 'the event names no job' };
  const task: Task = await cards.task(payload.taskId);
  const summary = `${payload.eventType.replace('task.', '').replace(/_/g, ' ')}: ${task.reference}`;
  const reason = payload.reason;

  if (recipient.role === 'councillor' || reason === 'subscriber') {
    if (recipient.role !== 'councillor') return { kind: 'newCard', card: await cards.cardFor(task, recipient, { text: `Update: ${summary}`, tone: 'accent' }, { actions: false }), summary };
    const subscriptions = await cardsStoreSubscriptions(cards, recipient, task);
    return {
      kind: 'newCard',
      summary,
      card: buildCouncillorCard({ event: councillorEvent(payload.eventType), task, taskType: await cards.taskTypeOf(task), wardName: task.ward ? (await cards.reference()).wards.get(task.ward)?.name : null, publicNote: payload.publicNote ?? null, links: cards.links, timeZone: cards.timeZone, subscribedEvents: subscriptions }),
    };
  }
  if (reason === 'supervisor' && (payload.eventType === 'task.overdue' || payload.eventType === 'task.declined')) {
    const { people } = await cards.reference();
    const team = task.assignedTeam?.trim().toLowerCase();
    const candidates = [...people.values()].filter((p) => (p.role === 'officer' || p.role === 'volunteer') && !!team && (p.teams ?? '').toLowerCase().split(',').map((t) => t.trim()).includes(team));
    const assignee = await cards.person(task.assignedOfficer);
    const alert = payload.eventType === 'task.overdue' ? 'overdue' : 'declined';
    const reasonText = alert === 'declined' ? await declinedText(cards, task, payload) : null;
    return { kind: 'newCard', summary: alert === 'declined' ? `Nobody has ${task.reference}: ${reasonText ?? 'declined'}` : summary, card: buildSupervisorAlertCard({ alert, task, taskType: await cards.taskTypeOf(task), assigneeName: assignee?.name, reason: reasonText, candidates, links: cards.links, timeZone: cards.timeZone }) };
  }
  switch (payload.eventType) {
    case 'task.assigned':
    case 'task.offered':
      return { kind: 'newCard', card: await cards.cardFor(task, recipient), summary: `New job ${task.reference}: ${viewTask(task, recipient.role, { taskType: await cards.taskTypeOf(task) }).title ?? ''}`, rememberFor: task.id };
    case 'task.reassigned':
      if (reason === 'assignee') return { kind: 'newCard', card: await cards.cardFor(task, recipient, { text: 'This job has been given to you', tone: 'accent' }), summary: `Job ${task.reference} is now yours`, rememberFor: task.id };
      return { kind: 'updateCard', taskId: task.id, orNew: false, summary, card: await cards.cardFor(task, recipient, { text: `This job was reassigned to ${(await cards.person(task.assignedOfficer))?.name ?? 'the team queue'}`, tone: 'warning' }) };
    case 'task.offer_taken': {
      const taker = await cards.person(task.assignedOfficer);
      return { kind: 'updateCard', taskId: task.id, orNew: false, summary, card: await cards.cardFor(task, recipient, { text: `Taken by ${taker?.name ?? 'someone else'}`, tone: 'accent' }) };
    }
    case 'task.overdue':
      return { kind: 'newCard', card: await cards.cardFor(task, recipient, { text: 'This job is overdue', tone: 'attention' }), summary: `Overdue: ${task.reference}`, rememberFor: task.id };
    default: {
      const notice = closedNotice[payload.eventType] ?? `Update: ${summary}`;
      return { kind: 'updateCard', taskId: task.id, orNew: true, summary, card: await cards.cardFor(task, recipient, { text: notice, tone: 'warning' }) };
    }
  }
}

async function cardsStoreSubscriptions(cards: JobCards, councillor: Officer, task: Task): Promise<string[]> {
  const subscriptions = await cards.store.listSubscriptions({ personId: councillor.id });
  const ward = subscriptions.find((s) => s.active && s.ward === task.ward && !s.task);
  return (ward?.events ?? '').split(',').map((e) => e.trim()).filter(Boolean);
}

/** Why nobody has the job: who declined it last and what they said. */
async function declinedText(cards: JobCards, task: Task, payload: TeamsPayload): Promise<string | null> {
  const timeline = await cards.store.getTimeline(task.id);
  const last = [...timeline].reverse().find((e) => e.kind === 'decline');
  const note = payload.declineReason ?? last?.note ?? undefined;
  const who = last?.author ? (await cards.person(last.author))?.name ?? last.authorName : last?.authorName;
  const said = note ? `"${note}"` : 'no reason given';
  if (payload.noTaker === 'offer') {
    const declined = new Set(timeline.filter((e) => e.kind === 'decline' && e.author).map((e) => e.author));
    return `Everyone offered this job declined it (${declined.size} ${declined.size === 1 ? 'person' : 'people'}); last, ${who ?? 'someone'} said ${said}.`;
  }
  return who ? `${who} declined it: ${said}.` : note ?? null;
}
