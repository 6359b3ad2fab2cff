import { WardlineError, type ErrorDetails } from '@wardline/core';

/** Web-form and sensor intake errors (codes WL-INTAKE-0xx): each names the source, file or field. */
export const IntakeErrors = {
  BadDefinition: { code: 'WL-INTAKE-001', message: 'Intake source {file}, {path}: {problem}' },
  UnknownSource: { code: 'WL-INTAKE-002', message: 'No intake source "{source}" is configured: add bot/intake-sources/{source}.json (see docs/admin/intake.md).' },
  Unsigned: { code: 'WL-INTAKE-003', message: 'Source {source}: the post has no {header} signature header; sign the body with the shared secret (HMAC-{algorithm}).' },
  BadSignature: { code: 'WL-INTAKE-004', message: 'Source {source}: the {header} signature does not match the body; check the shared secret ({variable}) and that the body is signed exactly as sent.' },
  Stale: { code: 'WL-INTAKE-005', message: 'Source {source}: the {header} timestamp is {age} s from the server clock (at most {tolerance} s allowed); a replayed or delayed post is refused.' },
  Replayed: { code: 'WL-INTAKE-006', message: 'Source {source}: this exact signed post was already received; a replay is refused.' },
  NoSecret: { code: 'WL-INTAKE-007', message: 'Source {source}: its secret {variable} is not set, so no post can be checked; set it to the secret shared with the form.' },
  BadBody: { code: 'WL-INTAKE-008', message: 'Source {source}: {problem}' },
  BadField: { code: 'WL-INTAKE-009', message: 'Source {source}, field {field}: {problem}' },
  TooLarge: { code: 'WL-INTAKE-010', message: 'Source {source}: the body is over {limit} bytes, the most accepted.' },
} as const;

/** An intake failure with the HTTP status to answer. */
export class IntakeError extends WardlineError {
  constructor(readonly status: number, definition: { code: string; message: string }, details: ErrorDetails = {}) {
    super(definition, details);
  }
}
