import { Activity, type ConversationReference } from '@microsoft/agents-activity';
import { CloudAdapter, HttpError, type AuthConfiguration, type ConnectorClient, type TurnContext } from '@microsoft/agents-hosting';
import type { Request as ExpressRequest, Response as ExpressResponse } from 'express';
import type { Logger } from 'pino';
import { CARD_CONTENT_TYPE } from '../../cards';
import { TeamsSendError } from '../teams-errors';
import type { ConversationRecord, TurnHandler, TurnReply } from '../port';
import { activityToTurn } from './activity-to-turn';
import { invokeResponseOf } from './invoke-response';

/**
 * Proactive sends (continueConversation) need a non-empty app id even when the bot runs
 * anonymously on a laptop; any GUID will do there. Production always configures the real one.
 */
export const LOCAL_BOT_APP_ID = '00000000-0000-4000-8000-000000000b07';

export interface AgentsHostOptions {
  /** The bot's Entra app id; without it the SDK runs anonymous (no token validation, no outbound tokens). */
  appId?: string;
  appPassword?: string;
  tenantId?: string;
  logger: Logger;
  clock: () => Date;
}

/** The one CloudAdapter of the service, and the app id proactive sends use. */
export interface AgentsHost {
  adapter: CloudAdapter;
  appId: string;
  anonymous: boolean;
  logger: Logger;
  clock: () => Date;
}

export function createAgentsHost(options: AgentsHostOptions): AgentsHost {
  const auth: AuthConfiguration = options.appId
    ? { clientId: options.appId, clientSecret: options.appPassword, tenantId: options.tenantId, authority: options.tenantId ? `https://login.microsoftonline.com/${options.tenantId}` : undefined }
    : {};
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (_context, error) => {
    options.logger.error({ err: error }, 'Teams turn failed');
  };
  return { adapter, appId: options.appId ?? LOCAL_BOT_APP_ID, anonymous: !options.appId, logger: options.logger, clock: options.clock };
}

/** Wardline's record as the SDK's conversation reference (used only inside this folder). */
export function referenceOf(record: Pick<ConversationRecord, 'channelId' | 'serviceUrl' | 'conversationId' | 'tenantId' | 'botId'> & Partial<ConversationRecord>): ConversationReference {
  return {
    channelId: record.channelId,
    serviceUrl: record.serviceUrl,
    conversation: { id: record.conversationId, tenantId: record.tenantId, isGroup: false, conversationType: 'personal' } as ConversationReference['conversation'],
    user: record.userId ? { id: record.userId, aadObjectId: record.aadObjectId, name: record.userName } : undefined,
    agent: { id: record.botId, name: record.botName },
  };
}

/** Turns the SDK's HttpError into TeamsSendError (status, Teams' error code, Retry-After). */
export function toSendError(error: unknown, operation: string, conversationId: string): unknown {
  if (!(error instanceof HttpError)) return error;
  const data = error.response.data as { error?: { code?: string; message?: string } } | string | undefined;
  const body = typeof data === 'object' && data ? data.error : undefined;
  const retryAfter = error.response.headers?.get?.('retry-after');
  const seconds = retryAfter ? Number(retryAfter) : NaN;
  return new TeamsSendError({ operation, conversationId, status: error.status, serviceCode: body?.code ?? null, detail: body?.message ?? (typeof data === 'string' ? data.slice(0, 200) : ''), retryAfterMs: Number.isFinite(seconds) ? seconds * 1000 : null });
}

export const cardActivity = (card: unknown, summary?: string): Activity =>
  Activity.fromObject({ type: 'message', attachments: [{ contentType: CARD_CONTENT_TYPE, content: card }], ...(summary ? { summary } : {}) });

async function sendReply(context: TurnContext, reply: TurnReply): Promise<void> {
  if (reply.kind === 'text') await context.sendActivity(Activity.fromObject({ type: 'message', text: reply.text, textFormat: 'markdown' }));
  else if (reply.kind === 'card') await context.sendActivity(cardActivity(reply.card, reply.summary));
  else {
    const update = cardActivity(reply.card);
    update.id = reply.activityId;
    update.conversation = context.activity.conversation;
    update.serviceUrl = context.activity.serviceUrl;
    await context.updateActivity(update);
  }
}

/**
 * The /api/messages handler: the SDK validates the caller's token (when an app id is configured),
 * Wardline's TurnHandler decides, and this edge sends the replies and the invoke response.
 */
export function createMessagesHandler(host: AgentsHost, handler: TurnHandler) {
  return async (request: ExpressRequest, response: ExpressResponse): Promise<void> => {
    let authorised = false;
    const sdkRequest = request as unknown as Parameters<CloudAdapter['process']>[0];
    const sdkResponse = response as unknown as Parameters<CloudAdapter['process']>[1];
    await host.adapter.authorizeRequest(sdkRequest, sdkResponse, () => {
      authorised = true;
    });
    if (!authorised) return;
    await host.adapter.process(sdkRequest, sdkResponse, async (context) => {
      const turn = activityToTurn(context.activity, host.clock().toISOString());
      const result = await handler.handle(turn);
      if (result.invoke) {
        const answer = invokeResponseOf(result.invoke);
        await context.sendActivity(Activity.fromObject({ type: 'invokeResponse', value: answer }));
      }
      for (const reply of result.replies) {
        try {
          await sendReply(context, reply);
        } catch (error) {
          host.logger.warn({ err: toSendError(error, reply.kind, turn.conversation.conversationId) }, 'reply to Teams failed');
        }
      }
    });
  };
}

/** The connector client of a proactive turn. */
export const connectorOf = (host: AgentsHost, context: TurnContext): ConnectorClient => context.turnState.get<ConnectorClient>(host.adapter.ConnectorClientKey);
