import { createHash } from 'node:crypto';
import type { Channel, DeliveryResult } from '@wardline/core/outbox';
import type { Officer, OutboxEvent, Store } from '@wardline/core';
import type { Logger } from 'pino';
import { planTeamsMessage, OFFICER_UNREACHABLE, type TeamsMessage, type TeamsPayload } from './delivery/event-message';
import { DEFAULT_GLOBAL_PER_SECOND, PER_CONVERSATION_WINDOWS, SlidingWindowLimiter, sleep, type RateWindow } from './delivery/rate-limiter';
import type { TeamsLedger } from './delivery/teams-ledger';
import type { JobCards } from './job-cards';
import { parseConversationRecord, type ConversationRecord, type TeamsPort } from './port';
import { TeamsSendError } from './teams-errors';

export interface TeamsChannelOptions {
  store: Store;
  port: TeamsPort;
  cards: JobCards;
  ledger: TeamsLedger;
  logger: Logger;
  clock?: () => Date;
  /** Sends a second across the app (default 45, under Teams' ~50 per app per tenant). */
  globalPerSecond?: number;
  /** Per chat (default: one a second, 1,800 an hour). */
  perConversation?: readonly RateWindow[];
  /** Tries within one delivery before handing a passing failure back to the dispatcher (default 3). */
  attemptsPerDelivery?: number;
  /** First retry delay; doubles, with full jitter (default 500 ms). */
  retryBaseMs?: number;
  random?: () => number;
  /** How to wait (tests may record instead). */
  wait?: (ms: number) => Promise<void>;
}

/** Counters for the bench and health output. */
export interface TeamsChannelStats {
  sent: number;
  updated: number;
  retriedResponses: Record<number, number>;
  alreadyDelivered: number;
  unreachable: number;
  /** Sends whose earlier try had an unknown outcome, made by updating the person's earlier card of the job. */
  replaced: number;
}

/** Teams answered with a 4xx: it refused the call, so nothing reached the person. */
const refused = (error: TeamsSendError): boolean => error.status >= 400 && error.status < 500;

const hash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 24);

/**
 * The Teams outbox channel. For each event it builds the recipient's card from the job as it is
 * now, keeps within Teams' rate limits (per chat and per app), retries throttling and passing
 * faults (429, 412, 502, 504) with jittered backoff, and never retries a chat that is gone (403
 * BotNotInConversationRoster, 404 ConversationNotFound): the person's record is marked stale and
 * their supervisor is told. A ledger of idempotency keys makes each (event, recipient) reach the
 * person once, even when the dispatcher is killed and another takes the event over.
 */
export function createTeamsChannel(options: TeamsChannelOptions): Channel & { stats: TeamsChannelStats } {
  const clock = options.clock ?? (() => new Date());
  const wait = options.wait ?? sleep;
  const random = options.random ?? Math.random;
  const perChat = new SlidingWindowLimiter(options.perConversation ?? PER_CONVERSATION_WINDOWS, () => clock().getTime());
  const global = new SlidingWindowLimiter([{ limit: options.globalPerSecond ?? DEFAULT_GLOBAL_PER_SECOND, windowMs: 1000 }], () => clock().getTime());
  const attempts = options.attemptsPerDelivery ?? 3;
  const baseMs = options.retryBaseMs ?? 500;
  const stats: TeamsChannelStats = { sent: 0, updated: 0, retriedResponses: {}, alreadyDelivered: 0, unreachable: 0, replaced: 0 };
  const { store, ledger, logger } = options;

  /** Waits for a slot in this chat and across the app. */
  async function throttle(conversationId: string): Promise<void> {
    const delay = Math.max(perChat.reserve(conversationId), global.reserve('app'));
    if (delay > 0) await wait(delay);
  }

  /** Runs one Bot Connector call with in-process retries on passing failures (`failed` hears of each failure before its retry). */
  async function withRetries<T>(conversationId: string, call: () => Promise<T>, failed?: (error: TeamsSendError) => void): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      await throttle(conversationId);
      try {
        return await call();
      } catch (error) {
        if (!(error instanceof TeamsSendError) || !error.transient || attempt >= attempts) throw error;
        failed?.(error);
        stats.retriedResponses[error.status] = (stats.retriedResponses[error.status] ?? 0) + 1;
        const backoff = Math.round(random() * baseMs * 2 ** (attempt - 1));
        await wait(Math.max(error.retryAfterMs ?? 0, backoff));
      }
    }
  }

  async function conversationOf(person: Officer): Promise<ConversationRecord | undefined> {
    if (person.conversationReference) return parseConversationRecord(person.conversationReference);
    // Never installed for them as far as we know: try opening a personal chat (Teams refuses unless the app is installed).
    const template = (await store.listOfficers()).map((o) => o.conversationReference).find((json): json is string => !!json);
    if (!template) return undefined;
    const record = await options.port.createPersonalChat(parseConversationRecord(template), { aadObjectId: person.entraObjectId });
    await store.updateOfficer(person.id, { conversationReference: JSON.stringify(record), conversationStale: false });
    options.cards.invalidate();
    return record;
  }

  /** The chat is gone: mark the person's record and tell their supervisor, once a day per person. */
  async function unreachable(person: Officer, event: OutboxEvent, problem: string): Promise<void> {
    stats.unreachable += 1;
    await store.updateOfficer(person.id, { conversationStale: true });
    options.cards.invalidate();
    if (!person.supervisor || event.eventType === OFFICER_UNREACHABLE) return;
    const day = clock().toISOString().slice(0, 10);
    const payload = JSON.parse(event.payload) as TeamsPayload;
    await store.enqueue([{
      name: `Teams: ${person.name} unreachable, tell their supervisor`.slice(0, 200), eventType: OFFICER_UNREACHABLE, channel: 'teams', recipient: person.supervisor, task: event.task,
      idempotencyKey: `${OFFICER_UNREACHABLE}:${person.id}:${day}:${hash(person.supervisor)}`,
      payload: JSON.stringify({ eventType: OFFICER_UNREACHABLE, officerId: person.id, officerName: person.name, taskId: payload.taskId ?? event.task, reference: payload.reference, problem }),
    }]);
  }

  async function deliver(event: OutboxEvent): Promise<DeliveryResult> {
    const done = ledger.delivery(event.idempotencyKey);
    if (done?.state === 'delivered') {
      stats.alreadyDelivered += 1;
      return { outcome: 'delivered', detail: 'already delivered earlier; nothing sent' };
    }
    const person = event.recipient ? await store.getOfficer(event.recipient) : undefined;
    if (!person) return { outcome: 'failed', reason: `No person with id ${event.recipient ?? '(none)'} to send to in Teams` };
    let payload: TeamsPayload;
    try {
      payload = JSON.parse(event.payload) as TeamsPayload;
    } catch {
      return { outcome: 'failed', reason: `Payload of ${event.name} is not JSON` };
    }
    let conversation: ConversationRecord | undefined;
    try {
      conversation = await conversationOf(person);
    } catch (error) {
      if (error instanceof TeamsSendError && error.conversationGone) {
        await unreachable(person, event, 'the Wardline app is not installed for them');
        return { outcome: 'failed', reason: `${person.name} cannot be reached in Teams: ${error.message}` };
      }
      if (error instanceof TeamsSendError && error.transient) return { outcome: 'retry', reason: error.message, retryAfterMs: error.retryAfterMs ?? undefined };
      throw error;
    }
    if (!conversation) {
      await unreachable(person, event, 'Wardline has no Teams chat with them yet');
      return { outcome: 'failed', reason: `${person.name} has no Teams chat with Wardline yet (the app is not installed for them)` };
    }
    const message = await planTeamsMessage(event, payload, person, options.cards);
    if (message.kind === 'nothing') return { outcome: 'delivered', detail: message.why };
    const existing = message.kind === 'updateCard' ? ledger.card(message.taskId, person.id) : undefined;
    if (message.kind === 'updateCard' && !message.orNew && existing?.conversationId !== conversation.conversationId) {
      ledger.beginSending(event.idempotencyKey, conversation.conversationId, clock().toISOString());
      ledger.markDelivered(event.idempotencyKey, null, conversation.conversationId, clock().toISOString());
      return { outcome: 'delivered', detail: 'no card of theirs to update' };
    }
    return send(event, person, conversation, message);
  }

  /**
   * Makes the call to Teams for a planned message, with the ledger written before it (`sending`)
   * and after it (`delivered`, or `unsent` when Teams refused). An update is the same call however
   * often it is made. A new card whose earlier try has no recorded outcome, or whose call Teams
   * answered with a 5xx, may already be in the chat: if the person holds an earlier card of the
   * same job there, that card is updated instead of posting a second (docs/admin/teams.md).
   */
  async function send(event: OutboxEvent, person: Officer, target: ConversationRecord, message: Exclude<TeamsMessage, { kind: 'nothing' }>): Promise<DeliveryResult> {
    const key = event.idempotencyKey;
    const intent = ledger.beginSending(key, target.conversationId, clock().toISOString());
    let outcomeUnknown = intent.previous === 'sending';
    if (outcomeUnknown) logger.warn({ idempotencyKey: key, tries: intent.attempts }, 'Teams delivery attempted before without a recorded outcome');
    const taskId = message.kind === 'newCard' ? message.rememberFor : message.taskId;
    const earlier = taskId ? ledger.card(taskId, person.id) : undefined;
    const inThisChat = earlier && earlier.conversationId === target.conversationId ? earlier : undefined;
    try {
      if (message.kind === 'updateCard' && inThisChat) {
        await withRetries(target.conversationId, () => options.port.updateCard(target, inThisChat.activityId, message.card));
        stats.updated += 1;
        ledger.markDelivered(key, inThisChat.activityId, target.conversationId, clock().toISOString());
        return { outcome: 'delivered', detail: 'card updated' };
      }
      const sent = await withRetries(target.conversationId, async () => {
        if (outcomeUnknown && inThisChat) {
          await options.port.updateCard(target, inThisChat.activityId, message.card);
          return { activityId: inThisChat.activityId, replaced: true };
        }
        return { ...(await options.port.sendCard(target, message.card, message.summary)), replaced: false };
      }, (error) => {
        // A 4xx is a refusal (nothing posted); a 5xx from Teams' gateway may follow a post that went through.
        if (!refused(error)) outcomeUnknown = true;
      });
      if (sent.replaced) stats.replaced += 1;
      else stats.sent += 1;
      ledger.markDelivered(key, sent.activityId || null, target.conversationId, clock().toISOString(), taskId && sent.activityId ? { taskId, personId: person.id } : undefined);
      return sent.replaced ? { outcome: 'delivered', detail: 'outcome of an earlier send unknown: their earlier card of this job was replaced instead of posting another' } : { outcome: 'delivered' };
    } catch (error) {
      if (!(error instanceof TeamsSendError)) throw error;
      // Only when every call of this delivery was refused is it certain that nothing was posted.
      if (refused(error) && !outcomeUnknown) ledger.markUnsent(key, clock().toISOString());
      if (error.conversationGone) {
        await unreachable(person, event, error.serviceCode ?? `HTTP ${error.status}`);
        return { outcome: 'failed', reason: error.message };
      }
      if (error.transient) return { outcome: 'retry', reason: error.message, retryAfterMs: error.retryAfterMs ?? undefined };
      return { outcome: 'failed', reason: error.message };
    }
  }

  return { name: 'teams', deliver, stats };
}
