import { NotifyClient } from 'notifications-node-client';
import type { NotifyKey } from './notify-auth';
import { NotifyRequestError } from './notify-errors';

export const NOTIFY_PRODUCTION_URL = 'https://api.notifications.service.gov.uk';

export interface SendOptions {
  templateId: string;
  personalisation: Record<string, string>;
  /** Our stable id for this message (never personal data): how a retry finds an earlier send. */
  reference: string;
}

export interface SentNotification {
  id: string;
  reference?: string | null;
}

interface AxiosLikeError {
  response?: { status: number; data?: { errors?: { error: string; message: string }[] } };
  message?: string;
}

function translate(operation: string, error: unknown): NotifyRequestError {
  const failure = error as AxiosLikeError;
  if (failure.response) return new NotifyRequestError(failure.response.status, operation, failure.response.data?.errors ?? []);
  return new NotifyRequestError(0, operation, [{ error: 'NetworkError', message: failure.message ?? String(error) }]);
}

/**
 * The three Notify operations Wardline uses, named as Notify names them, on the official
 * notifications-node-client. Failures become NotifyRequestError with Notify's status and errors.
 */
export class NotifyApi {
  private readonly client: InstanceType<typeof NotifyClient>;

  constructor(key: NotifyKey, baseUrl = NOTIFY_PRODUCTION_URL) {
    this.client = new NotifyClient(baseUrl, key.key);
  }

  async sendEmail(emailAddress: string, options: SendOptions): Promise<SentNotification> {
    try {
      const response = await this.client.sendEmail(options.templateId, emailAddress, { personalisation: options.personalisation, reference: options.reference });
      return response.data;
    } catch (error) {
      throw translate('sendEmail', error);
    }
  }

  async sendSms(phoneNumber: string, options: SendOptions): Promise<SentNotification> {
    try {
      const response = await this.client.sendSms(options.templateId, phoneNumber, { personalisation: options.personalisation, reference: options.reference });
      return response.data;
    } catch (error) {
      throw translate('sendSms', error);
    }
  }

  /** Notifications already sent with this reference (Notify keeps them for 7 days). */
  async getNotificationsByReference(templateType: 'email' | 'sms', reference: string): Promise<SentNotification[]> {
    try {
      const response = await this.client.getNotifications(templateType, undefined, reference, undefined);
      return (response.data as { notifications: SentNotification[] }).notifications;
    } catch (error) {
      throw translate('getNotifications', error);
    }
  }
}
