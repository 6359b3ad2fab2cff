import { actorFromOfficer, isWardlineError, type Officer, type Task } from '@wardline/core';
import { MAX_PHOTO_BYTES } from './photo-store';
import type { InboundTurn, TurnReply } from '../port';
import type { BotContext } from './bot-context';

const REFERENCE = /\bWL-\d{2}-\d{6}\b/i;

/** The job a photo belongs to: the one named in the message, else the person's job in progress (latest started). */
async function jobFor(context: BotContext, person: Officer, text: string | undefined): Promise<Task | undefined> {
  const named = REFERENCE.exec(text ?? '');
  if (named) {
    const task = await context.store.getTaskByReference(named[0].toUpperCase());
    return task && task.assignedOfficer === person.id ? task : undefined;
  }
  const { items } = await context.store.listTasks({ assignedOfficer: person.id, statuses: ['in_progress'], orderBy: 'modifiedOn', descending: true, limit: 1 });
  return items[0];
}

/**
 * A photo sent in the chat while a job is in progress is added to that job's timeline: downloaded
 * with the bot's token (inline images) or from Teams' download link (files), checked for size and
 * type, stored, and recorded through the lifecycle's photo action.
 */
export async function handlePhotos(context: BotContext, turn: InboundTurn, person: Officer): Promise<TurnReply[]> {
  const task = await jobFor(context, person, turn.text);
  if (!task) return [{ kind: 'text', text: 'You have no job in progress to add a photo to. Start the job first, or name it: **WL-26-000123** with the photo.' }];
  const replies: TurnReply[] = [];
  const service = await context.tasks();
  for (const attachment of turn.attachments.slice(0, 5)) {
    try {
      if (!attachment.url) throw new Error('the photo has no address');
      const url = new URL(attachment.url);
      const trusted = attachment.preAuthenticated || url.origin === new URL(turn.conversation.serviceUrl).origin;
      if (!trusted) throw new Error(`it came from ${url.host}, which is not Teams' service for this chat`);
      const file = await context.port.downloadFile(turn.conversation, attachment.url, !attachment.preAuthenticated, MAX_PHOTO_BYTES);
      const saved = context.photos.save(task.id, file.bytes);
      const clientId = turn.activityId ? `teams:${turn.activityId}:${turn.attachments.indexOf(attachment)}`.slice(0, 100) : undefined;
      await service.act(task.id, { kind: 'photo', photo: saved, note: turn.text?.replace(REFERENCE, '').trim() || undefined, clientId }, actorFromOfficer(person));
      replies.push({ kind: 'text', text: `Photo added to ${task.reference}.` });
    } catch (error) {
      const message = isWardlineError(error) || error instanceof Error ? error.message : String(error);
      context.logger.warn({ reference: task.reference, err: error }, 'photo from Teams not added');
      replies.push({ kind: 'text', text: `The photo was not added to ${task.reference}: ${message.replace(/^The photo was not added: /, '')}` });
    }
  }
  return replies;
}
