import pino, { type DestinationStream, type Logger } from 'pino';
import type { NextFunction, Request, Response } from 'express';
import type { LogLevel } from '../config';
import { requestIdOf } from './request-id';

/** Structured JSON logs (pino) to stdout, or to `destination` (tests capture them). */
export function createLogger(options: { level?: LogLevel; destination?: DestinationStream } = {}): Logger {
  return pino({ name: 'wardline', level: options.level ?? 'info', base: { service: 'wardline' } }, options.destination);
}

/**
 * One log line per request once it finishes: method, path (without the query, which may carry
 * personal data), status, duration and request id. A child logger with the request id is put on
 * `response.locals.log` for route handlers.
 */
export function requestLogging(logger: Logger) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    const log = logger.child({ requestId: requestIdOf(response) });
    response.locals.log = log;
    response.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const level = response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info';
      log[level]({ method: request.method, path: request.path, status: response.statusCode, ms: Math.round(ms * 10) / 10 }, 'request');
    });
    next();
  };
}
