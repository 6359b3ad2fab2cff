import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { isWardlineError } from '@wardline/core';
import { requestIdOf } from './request-id';

/** Status for errors thrown by route handlers: typed input errors are the caller's (400), the rest ours (500). */
const CLIENT_ERROR_CODES = /^WL-(CORE-00\d|IMPORT|LIFE|GEO)/;

/** Unknown paths: a JSON 404 naming the path. */
export function notFound(request: Request, response: Response): void {
  response.status(404).json({ code: 'WL-SVC-404', message: `Nothing is served at ${request.method} ${request.path}.`, requestId: requestIdOf(response) });
}

/**
 * The last handler: a WardlineError answers with its stable code and message; anything else is
 * logged with its stack and answered with a generic 500 carrying the request id, never internals.
 */
export function errorHandler(logger: Logger) {
  return (error: unknown, _request: Request, response: Response, next: NextFunction): void => {
    if (response.headersSent) {
      next(error);
      return;
    }
    const requestId = requestIdOf(response);
    const status = (error as { status?: number; statusCode?: number }).status ?? (error as { statusCode?: number }).statusCode;
    if (isWardlineError(error)) {
      const code = CLIENT_ERROR_CODES.test(error.code) ? 400 : error.code === 'WL-STORE-010' ? 409 : 500;
      if (code === 500) logger.error({ err: error, requestId }, 'request failed');
      response.status(code).json({ code: error.code, message: error.message, requestId });
    } else if (typeof status === 'number' && status >= 400 && status < 500) {
      // Body-parser and similar middleware errors (malformed JSON, too large).
      response.status(status).json({ code: 'WL-SVC-400', message: (error as Error).message, requestId });
    } else {
      logger.error({ err: error, requestId }, 'request failed');
      response.status(500).json({ code: 'WL-SVC-500', message: `Something went wrong on our side. Quote request id ${requestId} if you report it.`, requestId });
    }
  };
}
