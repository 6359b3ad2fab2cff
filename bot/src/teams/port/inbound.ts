import type { AdaptiveCard } from '../../cards';
import type { ConversationRecord } from './conversation-record';

/** An attachment on an inbound message, in Wardline's terms. */
export interface InboundAttachment {
  contentType: string;
  /** Where to fetch it (Teams' inline images need the bot's token; file downloads carry their own). */
  url?: string;
  name?: string;
  /** True for Teams file-download links, which must be fetched without the bot's token. */
  preAuthenticated: boolean;
}

/** One inbound activity, translated from the SDK's Activity by the host edge. */
export interface InboundTurn {
  kind: 'installed' | 'uninstalled' | 'membersAdded' | 'message' | 'cardAction' | 'messageExtensionQuery' | 'other';
  /** The activity id (Teams repeats it when it retries an invoke). */
  activityId?: string;
  /** The record of the conversation it came from, refreshed from this activity. */
  conversation: ConversationRecord;
  conversationType: 'personal' | 'groupChat' | 'channel';
  from: { userId: string; aadObjectId?: string; name?: string };
  text?: string;
  /** Action.Submit fallback data on a message, or Action.Execute data and inputs. */
  value?: Record<string, unknown>;
  /** Action.Execute: verb and whether Teams triggered it itself (refresh). */
  verb?: string;
  trigger?: 'manual' | 'automatic';
  /** The card message an Action.Submit came from. */
  replyToId?: string;
  attachments: InboundAttachment[];
  /** Members added (conversationUpdate). */
  membersAdded?: { userId: string; aadObjectId?: string; name?: string }[];
  /** Search text of a message extension query. */
  query?: string;
  /** The activity shared location (Teams "location" entity or a geo URI). */
  location?: { latitude: number; longitude: number };
}

/** What Wardline answers to an invoke. */
export type InvokeAnswer =
  | { kind: 'card'; card: AdaptiveCard }
  | { kind: 'message'; text: string }
  | { kind: 'error'; status: 400 | 401 | 403 | 404 | 500; code: string; message: string }
  | { kind: 'searchResults'; results: { card: AdaptiveCard; preview: { title: string; text: string } }[] }
  | { kind: 'empty' };

/** A reply to send in the same conversation during the turn. */
export type TurnReply = { kind: 'text'; text: string } | { kind: 'card'; card: AdaptiveCard; summary?: string } | { kind: 'updateCard'; activityId: string; card: AdaptiveCard };

export interface TurnResult {
  replies: TurnReply[];
  invoke?: InvokeAnswer;
}

/** Wardline's bot logic: one inbound turn in, replies and an invoke answer out. */
export interface TurnHandler {
  handle(turn: InboundTurn): Promise<TurnResult>;
}
