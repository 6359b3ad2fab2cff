import { WardlineError, type ErrorDetails } from '@wardline/core';

/**
 * The Open311 edge's error catalogue (codes WL-O311-0xx). Each message is written for the
 * developer of the client (FixMyStreet, a CRM) and says what to send instead.
 */
export const Open311Errors = {
  Problems: { code: 'WL-O311-001', message: '{summary}' },
  BadApiKey: { code: 'WL-O311-002', message: 'Invalid api_key received: ask the council for a key (`wardline open311 keys add NAME`).' },
  MissingApiKey: { code: 'WL-O311-003', message: 'api_key is required to {operation}: ask the council for a key (`wardline open311 keys add NAME`).' },
  UnknownService: { code: 'WL-O311-004', message: 'service_code "{code}" is not offered here: GET services.xml lists the codes.' },
  NotFound: { code: 'WL-O311-005', message: '{what} "{id}" was not found.' },
  BadFormat: { code: 'WL-O311-006', message: 'Bad extension ".{extension}": this endpoint answers .xml and .json.' },
  RateLimited: { code: 'WL-O311-007', message: 'Too many requests for api_key {name}: at most {limit} a minute. Try again in {seconds} s.' },
  BadJurisdiction: { code: 'WL-O311-008', message: 'jurisdiction_id "{given}" is not served here; this endpoint serves "{expected}".' },
  DuplicateUpdate: { code: 'WL-O311-009', message: 'Bad request: update_id {updateId} for service_request_id {requestId} already exists.' },
  NoWards: { code: 'WL-O311-010', message: 'The council has no wards loaded yet, so no report can be placed: run `wardline import wards FILE.geojson`.' },
  BadContentType: { code: 'WL-O311-012', message: 'Content-Type {type} is not accepted: send form fields as application/x-www-form-urlencoded (GeoReport v2), multipart/form-data with photos, or a JSON object.' },
  Internal: { code: 'WL-O311-013', message: 'Something went wrong on our side; nothing was stored. Quote request id {requestId} to the council if it happens again.' },
  BadAttributes: { code: 'WL-O311-011', message: 'Task type {taskType}: open311Attributes {problem}' },
} as const;

/** One entry of the spec's `<errors>` list. */
export interface Open311Problem {
  /** Usually the HTTP status; the spec allows a more specific code. */
  code: number;
  description: string;
}

/** HTTP statuses the Open311 edge answers with. */
export type Open311Status = 400 | 403 | 404 | 413 | 415 | 429 | 503;

/**
 * An Open311 failure: the HTTP status and one or more problems, rendered as the spec's error
 * list in the request's format (XML or JSON). Nothing is stored when one is thrown.
 */
export class Open311Error extends WardlineError {
  readonly status: Open311Status;
  readonly problems: Open311Problem[];

  constructor(status: Open311Status, definition: { code: string; message: string }, details: ErrorDetails = {}, problems?: Open311Problem[]) {
    super(definition, details);
    this.status = status;
    this.problems = problems ?? [{ code: status, description: this.message }];
  }

  /** Several things wrong with one request, answered together (400 unless given). */
  static many(descriptions: string[], status: Open311Status = 400): Open311Error {
    return new Open311Error(status, Open311Errors.Problems, { summary: descriptions.join(' ') }, descriptions.map((description) => ({ code: status, description })));
  }
}
