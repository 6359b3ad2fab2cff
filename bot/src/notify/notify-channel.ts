import type { Logger } from 'pino';
import type { Channel, CouncilSettings, DeliveryResult, OutboxEvent, Store } from '@wardline/core';
import { NotifyApi, type SendOptions } from './notify-client';
import { NotifyErrors, NotifyRequestError } from './notify-errors';
import { personalisationFor, type NotifyPayload } from './personalisation';
import { formatMessage } from '@wardline/core';

export interface NotifyChannelOptions {
  store: Store;
  settings: CouncilSettings;
  logger: Logger;
  /** Undefined when no key is configured: nothing is sent and one line says so. */
  api?: NotifyApi;
}

/** The Notify reference of an outbox event: job id and event id, stable across retries and free of personal data. */
export const notifyReference = (taskId: string, eventId: string): string => `${taskId}/${eventId}`;

const failed = (reason: string): DeliveryResult => ({ outcome: 'failed', reason });

/**
 * The GOV.UK Notify outbox channel: residents' emails and texts (received, completed, could not
 * complete). The outbox event's id is the Notify `reference`, so an attempt that follows one
 * whose answer was lost first asks Notify for that reference and never sends twice. 429 and 5xx
 * are retried by the dispatcher with backoff; Notify's 400s (a bad address, a missing
 * placeholder) are permanent.
 */
export function createNotifyChannel(options: NotifyChannelOptions): Channel {
  const { store, settings, logger, api } = options;
  if (!api) logger.warn({ code: NotifyErrors.NotConfigured.code }, NotifyErrors.NotConfigured.message);
  return {
    name: 'notify',
    async deliver(event: OutboxEvent): Promise<DeliveryResult> {
      if (!api) return failed(NotifyErrors.NotConfigured.message);
      const payload = JSON.parse(event.payload) as NotifyPayload;
      const kind = payload.contactKind === 'sms' ? 'sms' : 'email';
      const templateId = settings.notifyTemplates[payload.template]?.[kind];
      if (!templateId) return failed(formatMessage(NotifyErrors.NoTemplate.message, { kind, event: payload.template }));
      const task = await store.getTask(payload.taskId);
      if (!task) return failed(`Job ${payload.reference} no longer exists.`);
      const taskType = (await store.listTaskTypes()).find((t) => t.id === task.taskType) ?? { name: 'Job', redaction: 'sensitive' as const };
      const reference = notifyReference(task.id, event.id);
      const send: SendOptions = { templateId, personalisation: personalisationFor(task, taskType, payload, settings), reference };
      try {
        if (event.attempts > 1) {
          const earlier = await api.getNotificationsByReference(kind, reference);
          if (earlier.length) return { outcome: 'delivered', detail: `already sent as Notify ${earlier[0]?.id}` };
        }
        const sent = kind === 'sms' ? await api.sendSms(event.recipient ?? '', send) : await api.sendEmail(event.recipient ?? '', send);
        return { outcome: 'delivered', detail: `Notify ${sent.id}` };
      } catch (error) {
        if (error instanceof NotifyRequestError) return error.retryable ? { outcome: 'retry', reason: error.message } : failed(error.message);
        throw error;
      }
    },
  };
}
