import type { Officer } from '@wardline/core';
import { parseConversationRecord, sameConversation, type ConversationRecord, type InboundTurn, type TurnReply } from '../port';
import { personOf, type BotContext } from './bot-context';
import { welcomeFor } from './commands';

/**
 * Keeps the person's conversation record current from every activity in their personal chat (the
 * service URL can move), and clears the "unreachable" flag once they are back.
 */
export async function refreshRecord(context: BotContext, turn: InboundTurn, person: Officer | undefined): Promise<Officer | undefined> {
  if (!person || turn.conversationType !== 'personal' || !turn.conversation.serviceUrl || !turn.conversation.conversationId) return person;
  let stored: ConversationRecord | undefined;
  try {
    stored = person.conversationReference ? parseConversationRecord(person.conversationReference) : undefined;
  } catch {
    stored = undefined;
  }
  if (stored && sameConversation(stored, turn.conversation) && !person.conversationStale) return person;
  const updated = await context.store.updateOfficer(person.id, { conversationReference: JSON.stringify(turn.conversation), conversationStale: false });
  context.cards.invalidate();
  context.logger.info({ person: person.id, conversationId: turn.conversation.conversationId }, 'Teams personal chat registered');
  return updated;
}

/**
 * Installed in a team (an admin pre-installing for officers): for each member Wardline knows who
 * has no personal chat yet, open one, record it and send the welcome card.
 */
async function registerTeamMembers(context: BotContext, turn: InboundTurn): Promise<void> {
  const members = await context.port.listMembers(turn.conversation);
  for (const member of members) {
    const person = await personOf(context, member.aadObjectId);
    if (!person || (person.conversationReference && !person.conversationStale)) continue;
    try {
      const record = await context.port.createPersonalChat(turn.conversation, { userId: member.userId, aadObjectId: member.aadObjectId });
      await context.store.updateOfficer(person.id, { conversationReference: JSON.stringify({ ...record, userName: member.name }), conversationStale: false });
      await context.port.sendCard(record, welcomeFor(context, person), 'Welcome to Wardline');
    } catch (error) {
      context.logger.warn({ person: person.id, err: error }, 'could not open a personal chat for a team member');
    }
  }
  context.cards.invalidate();
}

/** installationUpdate and conversationUpdate: register chats and welcome people. */
export async function handleInstall(context: BotContext, turn: InboundTurn, person: Officer | undefined): Promise<TurnReply[]> {
  if (turn.kind === 'uninstalled') {
    if (person && turn.conversationType === 'personal') await context.store.updateOfficer(person.id, { conversationStale: true });
    context.cards.invalidate();
    return [];
  }
  if (turn.conversationType !== 'personal') {
    const botAdded = turn.kind === 'installed' || (turn.membersAdded ?? []).some((m) => m.userId === turn.conversation.botId);
    if (botAdded) await registerTeamMembers(context, turn);
    return [];
  }
  const welcomed = turn.kind === 'installed' || (turn.membersAdded ?? []).some((m) => m.userId === turn.conversation.botId || m.userId === turn.from.userId);
  if (!welcomed || welcomedJustNow(context, turn.conversation.conversationId)) return [];
  return [{ kind: 'card', card: welcomeFor(context, person, turn.from.name), summary: 'Welcome to Wardline' }];
}

/** Teams sends both installationUpdate and conversationUpdate for one personal install: welcome once. */
const WELCOME_ONCE_MS = 60_000;
const lastWelcome = new WeakMap<BotContext, Map<string, number>>();

function welcomedJustNow(context: BotContext, conversationId: string): boolean {
  const now = context.clock().getTime();
  const seen = lastWelcome.get(context) ?? new Map<string, number>();
  lastWelcome.set(context, seen);
  for (const [id, at] of seen) if (now - at >= WELCOME_ONCE_MS) seen.delete(id);
  if (seen.has(conversationId)) return true;
  seen.set(conversationId, now);
  return false;
}
