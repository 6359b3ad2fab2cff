import { WardlineError, type ErrorDefinition, type ErrorDetails } from '@wardline/core';

/** The identity edge's error catalogue: each error carries the HTTP status it answers with. */
export const IdentityErrors = {
  NoToken: { code: 'WL-ID-001', message: 'Sign in first: the request carries no bearer token (Authorization: Bearer …).' },
  BadToken: { code: 'WL-ID-002', message: 'The sign-in token was refused: {reason}. Sign in again.' },
  WrongTenant: { code: 'WL-ID-003', message: 'The token is for tenant {tenant}; this Wardline serves tenant {expected}.' },
  UnknownPerson: { code: 'WL-ID-004', message: 'You are signed in, but Wardline has no person with Entra object id {oid}. Ask your Wardline admin to add you (wl_officer).' },
  NotAllowed: { code: 'WL-ID-005', message: '{name} ({role}) may not {what}.' },
  DevSignInOff: { code: 'WL-ID-006', message: 'The development sign-in is off because an Entra app is configured (WARDLINE_TAB_APP_ID). Sign in with your council Microsoft account, in Teams or in the browser.' },
  BadConfig: { code: 'WL-ID-007', message: 'Setting {variable}: {problem}' },
} as const;

const statusOf: Record<string, number> = { 'WL-ID-001': 401, 'WL-ID-002': 401, 'WL-ID-003': 401, 'WL-ID-004': 403, 'WL-ID-005': 403, 'WL-ID-006': 404, 'WL-ID-007': 500 };

export class IdentityError extends WardlineError {
  readonly status: number;
  constructor(definition: ErrorDefinition, details: ErrorDetails = {}) {
    super(definition, details);
    this.status = statusOf[definition.code] ?? 401;
  }
}
