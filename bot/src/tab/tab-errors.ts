import { isWardlineError, WardlineError } from '@wardline/core';
import type { NextFunction, Request, Response } from 'express';
import { requestIdOf } from '../server/request-id';

/** The tab API's own errors (WL-TAB-…); identity errors are WL-ID-…. */
export const TabErrors = {
  NotYourJob: { code: 'WL-TAB-001', message: 'Job {ref} is not in your wards, teams or jobs.' },
  BadQuery: { code: 'WL-TAB-002', message: 'Query parameter {field}: {problem}' },
  BadSync: { code: 'WL-TAB-003', message: 'Queued change {index}: {problem}' },
  NotFound: { code: 'WL-TAB-004', message: 'No {what} "{id}".' },
  AppNotBuilt: { code: 'WL-TAB-005', message: 'The tab app is not built: run `npm run build:tab` (npm start and npm test do this first).' },
} as const;

const STATUS: Record<string, number> = { 'WL-TAB-001': 403, 'WL-TAB-002': 400, 'WL-TAB-003': 400, 'WL-TAB-004': 404, 'WL-TAB-005': 503 };

export class TabError extends WardlineError {}

/** The HTTP status a typed error answers with on the tab API. */
export function statusOfError(error: WardlineError): number {
  const own = (error as { status?: number }).status;
  if (typeof own === 'number') return own;
  if (STATUS[error.code]) return STATUS[error.code];
  if (error.code === 'WL-STORE-010') return 409;
  if (error.code === 'WL-CORE-010') return 404;
  if (error.code === 'WL-LIFE-002') return 403;
  // Photos: not an image (WL-INTAKE-030), too large (WL-INTAKE-031).
  if (error.code === 'WL-INTAKE-030') return 400;
  if (error.code === 'WL-INTAKE-031') return 413;
  if (/^WL-(CORE|LIFE|GEO)-/.test(error.code)) return error.code === 'WL-CORE-004' ? 503 : 400;
  return 500;
}

/** Answers typed errors with their code, message and status; passes anything else to the service's handler. */
export function tabErrorHandler(error: unknown, _request: Request, response: Response, next: NextFunction): void {
  if (response.headersSent || !isWardlineError(error)) return next(error);
  const status = statusOfError(error);
  if (status === 500) return next(error);
  if (status === 401) response.setHeader('WWW-Authenticate', 'Bearer realm="wardline-tab"');
  response.status(status).json({ code: error.code, message: error.message, requestId: requestIdOf(response) });
}
