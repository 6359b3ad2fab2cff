import { Activity, type ConversationParameters } from '@microsoft/agents-activity';
import type { AdaptiveCard } from '../../cards';
import { AttachmentRefusedError } from '../teams-errors';
import type { ConversationMember, ConversationRecord, DownloadedFile, SentActivity, TeamsPort } from '../port';
import { cardActivity, connectorOf, referenceOf, toSendError, type AgentsHost } from './agents-host';

const BOT_FRAMEWORK_AUDIENCE = 'https://api.botframework.com';

/** TeamsPort on the Microsoft 365 Agents SDK: proactive turns through CloudAdapter.continueConversation. */
export class AgentsTeamsPort implements TeamsPort {
  constructor(private readonly host: AgentsHost) {}

  private async inConversation<T>(conversation: Pick<ConversationRecord, 'channelId' | 'serviceUrl' | 'conversationId' | 'tenantId' | 'botId'> & Partial<ConversationRecord>, operation: string, work: (context: Parameters<Parameters<AgentsHost['adapter']['continueConversation']>[2]>[0]) => Promise<T>): Promise<T> {
    // The adapter hands errors inside the turn to onTurnError rather than to the caller, so the turn keeps its own.
    let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
    try {
      await this.host.adapter.continueConversation(this.host.appId, referenceOf(conversation), async (context) => {
        try {
          outcome = { ok: true, value: await work(context) };
        } catch (error) {
          outcome = { ok: false, error };
        }
      });
    } catch (error) {
      outcome = { ok: false, error };
    }
    if (!outcome) throw toSendError(new Error('the turn ended without running'), operation, conversation.conversationId);
    if (!outcome.ok) throw toSendError(outcome.error, operation, conversation.conversationId);
    return outcome.value;
  }

  async sendCard(conversation: ConversationRecord, card: AdaptiveCard, summary?: string): Promise<SentActivity> {
    return this.inConversation(conversation, 'sending a card', async (context) => {
      const sent = await context.sendActivity(cardActivity(card, summary));
      return { activityId: sent?.id ?? '', conversationId: conversation.conversationId };
    });
  }

  async updateCard(conversation: ConversationRecord, activityId: string, card: AdaptiveCard): Promise<void> {
    await this.inConversation(conversation, 'updating a card', async (context) => {
      const update = cardActivity(card);
      update.id = activityId;
      update.conversation = context.activity.conversation;
      update.serviceUrl = context.activity.serviceUrl;
      await context.updateActivity(update);
    });
  }

  async sendText(conversation: ConversationRecord, text: string): Promise<SentActivity> {
    return this.inConversation(conversation, 'sending a message', async (context) => {
      const sent = await context.sendActivity(Activity.fromObject({ type: 'message', text, textFormat: 'markdown' }));
      return { activityId: sent?.id ?? '', conversationId: conversation.conversationId };
    });
  }

  async createPersonalChat(template: Pick<ConversationRecord, 'serviceUrl' | 'tenantId' | 'botId' | 'channelId'>, user: { userId?: string; aadObjectId?: string }): Promise<ConversationRecord> {
    const memberId = user.userId ?? user.aadObjectId ?? '';
    const parameters = { isGroup: false, agent: { id: template.botId }, members: [{ id: memberId, aadObjectId: user.aadObjectId }], tenantId: template.tenantId, channelData: { tenant: { id: template.tenantId } } } as unknown as ConversationParameters;
    let conversationId = '';
    try {
      await this.host.adapter.createConversationAsync(this.host.appId, template.channelId, template.serviceUrl, BOT_FRAMEWORK_AUDIENCE, parameters, async (context) => {
        conversationId = context.activity.conversation?.id ?? '';
      });
    } catch (error) {
      throw toSendError(error, 'opening a personal chat', `(new chat with ${memberId})`);
    }
    return { v: 1, channelId: template.channelId, serviceUrl: template.serviceUrl, conversationId, tenantId: template.tenantId, userId: user.userId ?? memberId, aadObjectId: user.aadObjectId, botId: template.botId, updatedOn: this.host.clock().toISOString() };
  }

  async listMembers(conversation: Pick<ConversationRecord, 'serviceUrl' | 'conversationId'>): Promise<ConversationMember[]> {
    const record = { channelId: 'msteams', botId: 'wardline', ...conversation };
    return this.inConversation(record, 'listing members', async (context) => {
      const response = await connectorOf(this.host, context).httpClient.get<{ id: string; aadObjectId?: string; name?: string; email?: string; userPrincipalName?: string }[]>(`v3/conversations/${encodeURIComponent(conversation.conversationId)}/members`);
      return (response.data ?? []).map((m) => ({ userId: m.id, aadObjectId: m.aadObjectId, name: m.name, email: m.email ?? m.userPrincipalName }));
    });
  }

  async downloadFile(conversation: Pick<ConversationRecord, 'serviceUrl'>, url: string, withBotToken: boolean, maxBytes: number): Promise<DownloadedFile> {
    const read = async (response: Response): Promise<DownloadedFile> => {
      if (!response.ok) throw new AttachmentRefusedError(`the file could not be downloaded (HTTP ${response.status})`);
      const declared = Number(response.headers.get('content-length') ?? '0');
      if (declared > maxBytes) throw new AttachmentRefusedError(`it is ${Math.round(declared / 1024)} KB; the most allowed is ${Math.round(maxBytes / 1024)} KB`);
      const bytes = Buffer.from(await response.arrayBuffer());
      if (bytes.length > maxBytes) throw new AttachmentRefusedError(`it is ${Math.round(bytes.length / 1024)} KB; the most allowed is ${Math.round(maxBytes / 1024)} KB`);
      return { bytes, contentType: (response.headers.get('content-type') ?? '').split(';')[0].trim() };
    };
    if (!withBotToken) return read(await fetch(url));
    const record = { channelId: 'msteams', conversationId: 'download', botId: 'wardline', serviceUrl: conversation.serviceUrl };
    return this.inConversation(record, 'downloading a file', async (context) => {
      const headers = connectorOf(this.host, context).httpClient.defaultHeaders;
      const authorization = headers.authorization;
      return read(await fetch(url, { headers: authorization ? { authorization } : {} }));
    });
  }
}
