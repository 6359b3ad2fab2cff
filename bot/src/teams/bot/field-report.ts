import { isWardlineError, type Officer } from '@wardline/core';
import type { InboundTurn, TurnReply } from '../port';
import type { BotContext } from './bot-context';

/** A report waiting for the location (Teams mobile shares a location as its own message). */
interface PendingReport {
  taskTypeCode: string;
  description: string;
  at: number;
}

const PENDING_MS = 15 * 60_000;
const pending = new Map<string, PendingReport>();
const USAGE = 'Say **report**, the type of job, a colon and what you see, then share your location. For example: **report fly-tipping: mattress by the bus stop**.';

/** "report TYPE: DESCRIPTION" (+ a shared location, in the same or the next message) raises a job from the field. */
export async function startReport(context: BotContext, turn: InboundTurn, person: Officer): Promise<TurnReply[]> {
  const key = person.id;
  const now = context.clock().getTime();
  const match = /^report\s+([a-z0-9-]+)\s*:\s*(.+)$/is.exec((turn.text ?? '').trim());
  if (match) pending.set(key, { taskTypeCode: match[1].toLowerCase(), description: match[2].trim(), at: now });
  const waiting = pending.get(key);
  if (!waiting || now - waiting.at > PENDING_MS) {
    pending.delete(key);
    return [{ kind: 'text', text: turn.location ? `Thanks for the location. ${USAGE}` : USAGE }];
  }
  if (!turn.location) return [{ kind: 'text', text: `Got it: ${waiting.taskTypeCode}. Now share your location (the + button, then Location) so the job goes to the right ward.` }];
  pending.delete(key);
  try {
    const service = await context.tasks();
    const { task, created, duplicate } = await service.report({
      taskTypeCode: waiting.taskTypeCode, description: waiting.description, latitude: turn.location.latitude, longitude: turn.location.longitude,
      source: 'teams', raisedBy: person.id, councillorRaised: person.role === 'councillor', clientId: turn.activityId ? `teams:${turn.activityId}`.slice(0, 100) : undefined,
    });
    const headline = duplicate ? `Added to open job ${task.reference}, which is already being dealt with.` : created ? `Raised job ${task.reference}: ${task.title}.` : `Already recorded as job ${task.reference}.`;
    return [{ kind: 'text', text: headline }, { kind: 'card', card: await context.cards.cardFor(task, person) }];
  } catch (error) {
    if (isWardlineError(error)) return [{ kind: 'text', text: `The job was not raised: ${error.message}` }];
    throw error;
  }
}
