import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

export const REQUEST_ID_HEADER = 'x-request-id';
const SAFE_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * Gives each request an id: the caller's X-Request-Id when it is a sensible token (so a
 * request can be traced through a proxy), otherwise a new UUID. It is echoed on the response
 * and carried on every log line for the request.
 */
export function requestId(request: Request, response: Response, next: NextFunction): void {
  const given = request.get(REQUEST_ID_HEADER);
  const id = given && SAFE_ID.test(given) ? given : randomUUID();
  response.locals.requestId = id;
  response.setHeader('X-Request-Id', id);
  next();
}

export const requestIdOf = (response: Response): string => String(response.locals.requestId ?? '');
