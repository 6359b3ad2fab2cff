import { InvalidInputError } from '@wardline/core';

/**
 * Wardline's own record of a person's Teams personal chat, stored as JSON in
 * wl_officer.conversationReference. It holds plain values, never SDK objects, so the host (Agents
 * SDK today, Teams SDK v2 tomorrow) can change without a data migration. Refreshed from every
 * inbound activity.
 */
export interface ConversationRecord {
  /** Record layout version. */
  v: 1;
  channelId: string;
  serviceUrl: string;
  conversationId: string;
  tenantId?: string;
  /** The person's Teams user id (MRI, 29:…). */
  userId: string;
  /** The person's Entra object id. */
  aadObjectId?: string;
  userName?: string;
  /** The bot's id in the conversation (28:…). */
  botId: string;
  botName?: string;
  /** When the record was last refreshed from an inbound activity. */
  updatedOn: string;
}

const need = (value: unknown, field: string): string => {
  if (typeof value !== 'string' || value.trim() === '') throw new InvalidInputError(`conversationReference.${field}`, 'is missing');
  return value;
};

/** Reads a stored record; throws InvalidInputError naming the missing field. */
export function parseConversationRecord(json: string): ConversationRecord {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(json) as Record<string, unknown>;
  } catch (error) {
    throw new InvalidInputError('conversationReference', `is not JSON (${(error as Error).message})`);
  }
  return {
    v: 1,
    channelId: need(raw.channelId, 'channelId'),
    serviceUrl: need(raw.serviceUrl, 'serviceUrl'),
    conversationId: need(raw.conversationId, 'conversationId'),
    tenantId: typeof raw.tenantId === 'string' ? raw.tenantId : undefined,
    userId: need(raw.userId, 'userId'),
    aadObjectId: typeof raw.aadObjectId === 'string' ? raw.aadObjectId : undefined,
    userName: typeof raw.userName === 'string' ? raw.userName : undefined,
    botId: need(raw.botId, 'botId'),
    botName: typeof raw.botName === 'string' ? raw.botName : undefined,
    updatedOn: typeof raw.updatedOn === 'string' ? raw.updatedOn : new Date(0).toISOString(),
  };
}

/** Whether two records point at the same chat with the same service address (so no write is needed). */
export const sameConversation = (a: ConversationRecord, b: ConversationRecord): boolean =>
  a.conversationId === b.conversationId && a.serviceUrl === b.serviceUrl && a.userId === b.userId && a.botId === b.botId && a.tenantId === b.tenantId;
