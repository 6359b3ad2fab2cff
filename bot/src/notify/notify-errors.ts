import { WardlineError } from '@wardline/core';

/** The Notify channel's error catalogue (codes WL-NOTIFY-0xx). */
export const NotifyErrors = {
  BadKey: { code: 'WL-NOTIFY-001', message: 'WARDLINE_NOTIFY_API_KEY does not look like a GOV.UK Notify key ({name}-{service id}-{secret}, the last two UUIDs): copy it again from Notify, API integration.' },
  Request: { code: 'WL-NOTIFY-002', message: 'GOV.UK Notify answered {status} to {operation}: {errors}' },
  NoTemplate: { code: 'WL-NOTIFY-003', message: 'No GOV.UK Notify {kind} template for "{event}": add {"{event}": {"{kind}": "TEMPLATE-ID"}} to WARDLINE_NOTIFY_TEMPLATES.' },
  NotConfigured: { code: 'WL-NOTIFY-004', message: 'GOV.UK Notify is not configured (WARDLINE_NOTIFY_API_KEY is not set), so residents get no emails or texts.' },
  BadReceipt: { code: 'WL-NOTIFY-005', message: 'Delivery receipt refused: {problem}' },
} as const;

/**
 * A failed call to GOV.UK Notify, keeping what Notify said: the HTTP status and its errors list
 * (`[{error, message}]`), so the log and the outbox show Notify's own words.
 */
export class NotifyRequestError extends WardlineError {
  constructor(readonly status: number, readonly operation: string, readonly errors: { error: string; message: string }[]) {
    super(NotifyErrors.Request, { status, operation, errors: errors.map((e) => `${e.error}: ${e.message}`).join('; ') || 'no details' });
  }

  /** Worth trying again later: rate limited (429, sent without Retry-After) or a fault on Notify's side (5xx), or no answer at all (0). */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

export class NotifyConfigError extends WardlineError {}
