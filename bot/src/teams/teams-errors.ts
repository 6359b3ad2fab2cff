import { WardlineError } from '@wardline/core';

/** The Teams edge's error catalogue (codes WL-TEAMS-xxx). */
export const TeamsErrors = {
  SendFailed: { code: 'WL-TEAMS-001', message: 'Teams refused {operation} in conversation {conversationId}: HTTP {status} {serviceCode} {detail}' },
  BadConversationReference: { code: 'WL-TEAMS-002', message: 'Officer {officer} has a Teams conversation record that cannot be read: {problem}' },
  ConfigMissing: { code: 'WL-TEAMS-003', message: 'Variable {variable} is needed to {purpose}.' },
  ConfigInvalid: { code: 'WL-TEAMS-004', message: 'Variable {variable}: {problem}' },
  AttachmentRefused: { code: 'WL-TEAMS-005', message: 'The photo was not added: {problem}' },
  PackageFailed: { code: 'WL-TEAMS-006', message: 'The Teams app package was not built: {problem}' },
} as const;

/**
 * A Bot Connector call failed. Keeps the HTTP status, the service's own error code (e.g.
 * BotNotInConversationRoster, ConversationNotFound) and Retry-After, so the Teams channel can tell
 * a passing failure from a permanent one.
 */
export class TeamsSendError extends WardlineError {
  readonly status: number;
  readonly serviceCode: string | null;
  readonly retryAfterMs: number | null;
  constructor(init: { operation: string; conversationId: string; status: number; serviceCode?: string | null; detail?: string; retryAfterMs?: number | null }) {
    super(TeamsErrors.SendFailed, { operation: init.operation, conversationId: init.conversationId, status: init.status, serviceCode: init.serviceCode ?? '', detail: init.detail ?? '' });
    this.status = init.status;
    this.serviceCode = init.serviceCode ?? null;
    this.retryAfterMs = init.retryAfterMs ?? null;
  }

  /** The app is not installed for the person any more, or the chat is gone: retrying will not help. */
  get conversationGone(): boolean {
    return (this.status === 403 && this.serviceCode === 'BotNotInConversationRoster') || (this.status === 404 && this.serviceCode === 'ConversationNotFound') || this.status === 403 || this.status === 404;
  }

  /** Throttled or a passing fault at Teams' end (Teams' guidance: retry 429, 412, 502, 504 with backoff). */
  get transient(): boolean {
    return [408, 412, 429, 500, 502, 503, 504].includes(this.status) || this.status === 0;
  }
}

export class TeamsConfigError extends WardlineError {
  constructor(variable: string, problem: string) {
    super(TeamsErrors.ConfigInvalid, { variable, problem });
  }
}

export class TeamsConfigMissingError extends WardlineError {
  constructor(variable: string, purpose: string) {
    super(TeamsErrors.ConfigMissing, { variable, purpose });
  }
}

export class AttachmentRefusedError extends WardlineError {
  constructor(problem: string) {
    super(TeamsErrors.AttachmentRefused, { problem });
  }
}

export class TeamsPackageError extends WardlineError {
  constructor(problem: string) {
    super(TeamsErrors.PackageFailed, { problem });
  }
}
