import { isWardlineError, type Officer } from '@wardline/core';
import type { InboundTurn, TurnReply } from '../port';
import type { BotContext } from './bot-context';

const PENDING_MS = 15 * 60_000;
const USAGE = 'Say **report**, the type of job, a colon and what you see, then share your location. For example: **report fly-tipping: mattress by the bus stop**.';

/**
 * "report TYPE: DESCRIPTION" (+ a shared location, in the same or the next message) raises a job
 * from the field. Teams mobile sends the location as a message of its own, so the draft waits in
 * the bot's side file (report-drafts.ts) for up to 15 minutes, across a restart of the service.
 */
export async function startReport(context: BotContext, turn: InboundTurn, person: Officer): Promise<TurnReply[]> {
  const now = context.clock();
  const match = /^report\s+([a-z0-9-]+)\s*:\s*(.+)$/is.exec((turn.text ?? '').trim());
  if (match) context.drafts.save(person.id, { taskTypeCode: match[1].toLowerCase(), description: match[2].trim(), startedOn: now.toISOString() });
  const waiting = context.drafts.get(person.id);
  if (!waiting || now.getTime() - Date.parse(waiting.startedOn) > PENDING_MS) {
    if (waiting) context.drafts.remove(person.id);
    return [{ kind: 'text', text: turn.location ? `Thanks for the location. ${USAGE}` : USAGE }];
  }
  if (!turn.location) return [{ kind: 'text', text: `Got it: ${waiting.taskTypeCode}. Now share your location (the + button, then Location) so the job goes to the right ward.` }];
  try {
    const service = await context.tasks();
    const { task, created, duplicate } = await service.report({
      taskTypeCode: waiting.taskTypeCode, description: waiting.description, latitude: turn.location.latitude, longitude: turn.location.longitude,
      source: 'teams', raisedBy: person.id, councillorRaised: person.role === 'councillor', clientId: `teams:report:${person.id}:${waiting.startedOn}`.slice(0, 100),
    });
    // The draft is kept until the job is stored, so a failure that is nobody's fault (the store
    // busy, a restart) is retried by sharing the location again; the client id is the draft's own,
    // so a draft whose job was stored just before a crash finds that job instead of making another.
    context.drafts.remove(person.id);
    const headline = duplicate ? `Added to open job ${task.reference}, which is already being dealt with.` : created ? `Raised job ${task.reference}: ${task.title}.` : `Already recorded as job ${task.reference}.`;
    return [{ kind: 'text', text: headline }, { kind: 'card', card: await context.cards.cardFor(task, person) }];
  } catch (error) {
    if (!isWardlineError(error)) throw error;
    // Refused (an unknown type, a point outside the council): the draft cannot succeed as it is.
    context.drafts.remove(person.id);
    return [{ kind: 'text', text: `The job was not raised: ${error.message}` }];
  }
}
