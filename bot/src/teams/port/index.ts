export type { ConversationRecord } from './conversation-record';
export { parseConversationRecord, sameConversation } from './conversation-record';
export type { TeamsPort, SentActivity, ConversationMember, DownloadedFile } from './teams-port';
export type { InboundTurn, InboundAttachment, InvokeAnswer, TurnReply, TurnResult, TurnHandler } from './inbound';
