import type { AdaptiveCard } from '../../cards';
import type { ConversationRecord } from './conversation-record';

/** Where a message went: enough to update it later. */
export interface SentActivity {
  activityId: string;
  conversationId: string;
}

/** A member of a conversation (a team's roster, a group chat). */
export interface ConversationMember {
  userId: string;
  aadObjectId?: string;
  name?: string;
  email?: string;
}

/** A downloaded file. */
export interface DownloadedFile {
  bytes: Buffer;
  contentType: string;
}

/**
 * Everything Wardline asks of Teams, in Wardline's words. The Agents SDK implements it today
 * (sdk/agents-teams-port.ts); nothing else in Wardline touches SDK types. Failures are
 * TeamsSendError with the HTTP status and Teams' error code.
 */
export interface TeamsPort {
  sendCard(conversation: ConversationRecord, card: AdaptiveCard, summary?: string): Promise<SentActivity>;
  updateCard(conversation: ConversationRecord, activityId: string, card: AdaptiveCard): Promise<void>;
  sendText(conversation: ConversationRecord, text: string): Promise<SentActivity>;
  /** Opens (or finds) the bot's personal chat with a user of the tenant: Teams answers 403 if the app is not installed for them. */
  createPersonalChat(template: Pick<ConversationRecord, 'serviceUrl' | 'tenantId' | 'botId' | 'channelId'>, user: { userId?: string; aadObjectId?: string }): Promise<ConversationRecord>;
  listMembers(conversation: Pick<ConversationRecord, 'serviceUrl' | 'conversationId'>): Promise<ConversationMember[]>;
  /** Downloads a file a person sent, with the bot's token when the address belongs to the Bot Connector. */
  downloadFile(conversation: Pick<ConversationRecord, 'serviceUrl'>, url: string, withBotToken: boolean, maxBytes: number): Promise<DownloadedFile>;
}
