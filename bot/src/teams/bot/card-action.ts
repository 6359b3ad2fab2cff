import { actorFromOfficer, isWardlineError, StaleTaskError, type Officer, type Task, type TaskAction } from '@wardline/core';
import { buildNoticeCard, inputId, isCardVerb, preferencesAction, buildCouncillorCard, type AdaptiveCard, type CardVerb, councillorEvents } from '../../cards';
import type { InvokeAnswer } from '../port';
import type { BotContext } from './bot-context';

/** Words on the card after an action went through. */
const doneNotice: Partial<Record<CardVerb, string>> = {
  accept: 'You accepted this job', decline: 'You declined this job', start: 'Work started', hold: 'Put on hold', resume: 'Work resumed',
  complete: 'Job completed. Thank you', couldNotComplete: 'Job closed as could not complete', reassign: 'Reassigned',
};

/** Refusals a person can act on (who may act, what the status allows, missing words): shown on the card, nothing changes. */
const REFUSAL = /^WL-(LIFE|CORE-001|CORE-010)/;

const textOf = (data: Record<string, unknown>, verb: CardVerb, input: Parameters<typeof inputId>[1]): string => {
  const value = data[inputId(verb, input)];
  return typeof value === 'string' ? value : '';
};

/** The lifecycle action a card verb asks for, with the words the person typed. */
async function actionOf(context: BotContext, task: Task, verb: CardVerb, data: Record<string, unknown>, clientId: string | undefined): Promise<TaskAction | undefined> {
  const withClient = <A extends TaskAction>(action: A): A => (clientId ? { ...action, clientId } : action);
  switch (verb) {
    case 'accept':
    case 'start':
    case 'resume':
      return withClient({ kind: verb });
    case 'decline':
    case 'hold':
      return withClient({ kind: verb, reason: textOf(data, verb, 'reason') });
    case 'couldNotComplete':
      return withClient({ kind: 'couldNotComplete', reason: textOf(data, verb, 'reason'), internalNote: textOf(data, verb, 'internalNote') || undefined });
    case 'complete':
      return withClient({ kind: 'complete', publicNote: textOf(data, verb, 'publicNote'), internalNote: textOf(data, verb, 'internalNote') || undefined });
    case 'reassign': {
      if (data.toQueue === true || data.toQueue === 'true') return withClient({ kind: 'reassign', reason: 'Put back in the queue from Teams' });
      const officer = await context.store.getOfficer(textOf(data, verb, 'officer'));
      if (!officer) return undefined;
      const chosen = { id: officer.id, name: officer.name, role: officer.role };
      // A job nobody has (in the queue, or declined by everyone offered it) is given, not moved from someone.
      if (task.status === 'new') return withClient({ kind: 'assign', officer: chosen });
      return withClient({ kind: 'reassign', officer: chosen, reason: 'Reassigned from Teams' });
    }
    default:
      return undefined;
  }
}

/** The card a person sees for a job after an action or a refresh. */
async function currentCard(context: BotContext, task: Task, person: Officer, notice?: Parameters<BotContext['cards']['cardFor']>[2]): Promise<AdaptiveCard> {
  if (person.role === 'councillor') {
    const subscriptions = await context.store.listSubscriptions({ personId: person.id });
    const events = subscriptions.find((s) => s.active && s.ward === task.ward && !s.task)?.events.split(',').map((e) => e.trim()) ?? [];
    const card = buildCouncillorCard({ event: 'update', task, taskType: await context.cards.taskTypeOf(task), wardName: task.ward ? (await context.cards.reference()).wards.get(task.ward)?.name : null, links: context.cards.links, timeZone: context.cards.timeZone, subscribedEvents: events });
    if (notice) card.body.unshift({ type: 'Container', style: notice.tone, items: [{ type: 'TextBlock', text: notice.text, wrap: true, weight: 'Bolder' }] });
    return card;
  }
  return context.cards.cardFor(task, person, notice);
}

/** A councillor chose which updates they want: every ward subscription of theirs gets the new list. */
async function savePreferences(context: BotContext, person: Officer, data: Record<string, unknown>): Promise<InvokeAnswer> {
  const chosen = String(data[inputId('preferences', 'events')] ?? '').split(',').map((e) => e.trim()).filter((e) => councillorEvents.some((c) => c.key === e));
  const wardSubscriptions = (await context.store.listSubscriptions({ personId: person.id })).filter((s) => s.ward && !s.task && s.channel === 'teams');
  if (wardSubscriptions.length) {
    await context.store.importRows([{ table: 'subscription', mode: 'upsert', rows: wardSubscriptions.map((s) => ({ ...s, events: chosen.join(','), active: chosen.length > 0 })) }]);
  } else {
    const wards = await context.store.listWardMembers({ councillorId: person.id });
    if (wards.length) await context.store.addSubscriptions(wards.map((w) => ({ name: `${person.name}: ${w.name}`.slice(0, 200), person: person.id, ward: w.ward, channel: 'teams' as const, events: chosen.join(','), active: chosen.length > 0 })));
  }
  const summary = chosen.length ? chosen.map((key) => councillorEvents.find((e) => e.key === key)?.label.toLowerCase()).join('; ') : 'nothing (updates are off)';
  return { kind: 'card', card: buildNoticeCard('Your updates are saved', `You will hear when: ${summary}.`, 'good', [preferencesAction(chosen)]) };
}

/**
 * Handles a card action (Action.Execute invoke, or the Action.Submit fallback's message). The
 * job's row version on the card is checked first: a card that is out of date gets the current
 * card back and nothing is applied, which also makes Teams' retried invokes harmless. Refusals
 * come back on the card with the reason; nothing changes.
 */
export async function handleCardAction(context: BotContext, input: { verb?: string; data: Record<string, unknown>; person: Officer | undefined; activityId?: string; trigger?: 'manual' | 'automatic' }): Promise<InvokeAnswer> {
  const verb = input.verb && isCardVerb(input.verb) ? input.verb : isCardVerb(input.data.wlVerb) ? input.data.wlVerb : undefined;
  if (!verb) return { kind: 'error', status: 400, code: 'WL-TEAMS-010', message: 'This card action is not one Wardline knows.' };
  const { person } = input;
  if (!person) return { kind: 'card', card: buildNoticeCard('Wardline does not know you yet', 'Ask your supervisor to add you to Wardline. Nothing was changed.', 'attention') };
  if (verb === 'preferences') return savePreferences(context, person, input.data);
  const taskId = typeof input.data.taskId === 'string' ? input.data.taskId : '';
  const task = taskId ? await context.store.getTask(taskId) : undefined;
  if (!task) return { kind: 'card', card: buildNoticeCard('Job not found', 'This job is no longer in Wardline.', 'attention') };
  if (verb === 'refresh') return { kind: 'card', card: await currentCard(context, task, person) };

  const shown = Number(input.data.rowVersion);
  if (Number.isFinite(shown) && shown !== task.rowVersion) {
    return { kind: 'card', card: await currentCard(context, task, person, { text: 'This job changed since this card was sent. Here it is now; nothing was changed.', tone: 'warning' }) };
  }
  const clientId = input.activityId ? `teams:${input.activityId}`.slice(0, 100) : undefined;
  const action = await actionOf(context, task, verb, input.data, clientId);
  if (!action) return { kind: 'card', card: await currentCard(context, task, person, { text: 'Choose an officer to give the job to.', tone: 'attention' }) };
  try {
    const service = await context.tasks();
    const { task: updated } = await service.act(task.id, action, actorFromOfficer(person), task.rowVersion);
    context.logger.info({ reference: updated.reference, verb, person: person.id, rowVersion: updated.rowVersion }, 'card action applied');
    return { kind: 'card', card: await currentCard(context, updated, person, { text: doneNotice[verb] ?? 'Done', tone: 'good' }) };
  } catch (error) {
    const now = (await context.store.getTask(task.id)) ?? task;
    if (error instanceof StaleTaskError) return { kind: 'card', card: await currentCard(context, now, person, { text: 'Someone else changed this job just now. Here it is; nothing was changed.', tone: 'warning' }) };
    if (isWardlineError(error) && REFUSAL.test(error.code)) return { kind: 'card', card: await currentCard(context, now, person, { text: `Not done: ${error.message}`, tone: 'attention' }) };
    throw error;
  }
}
