import { Router, type Request, type Response } from 'express';
import { WardlineError } from '@wardline/core';
import type { Logger } from 'pino';
import { requestIdOf } from '../server/request-id';
import { definition, discovery, services } from './handle-services';
import { getRequest, getRequests, getToken } from './handle-get-requests';
import { postRequest } from './handle-post-request';
import { getUpdates, postUpdate } from './handle-updates';
import { Open311Error, Open311Errors } from './open311-errors';
import type { Open311Call, Open311Context } from './open311-context';
import { mergeFields } from './parse-form';
import { readBody } from './read-body';
import { send, sendProblems, type Format, type WireDocument } from './wire';

type Handler = (context: Open311Context, call: Open311Call) => Promise<WireDocument>;

/** The spec's resources, matched on the path; the extension picks the format. */
const routes: { method: 'GET' | 'POST'; path: RegExp; handler: Handler }[] = [
  { method: 'GET', path: /^\/discovery\.([^./]+)$/, handler: (context) => discovery(context) },
  { method: 'GET', path: /^\/services\.([^./]+)$/, handler: services },
  { method: 'GET', path: /^\/services\/([^/]+)\.([^./]+)$/, handler: definition },
  { method: 'POST', path: /^\/requests\.([^./]+)$/, handler: postRequest },
  { method: 'GET', path: /^\/requests\.([^./]+)$/, handler: getRequests },
  { method: 'GET', path: /^\/requests\/([^/]+)\.([^./]+)$/, handler: getRequest },
  { method: 'GET', path: /^\/tokens\/([^/]+)\.([^./]+)$/, handler: getToken },
  { method: 'GET', path: /^\/servicerequestupdates\.([^./]+)$/, handler: getUpdates },
  { method: 'POST', path: /^\/servicerequestupdates\.([^./]+)$/, handler: postUpdate },
];

const FORMATS: readonly string[] = ['xml', 'json'];

function answerError(error: unknown, response: Response, format: Format, log: Logger): void {
  if (error instanceof Open311Error) {
    if (error.status === 429) response.setHeader('Retry-After', String(error.details.seconds ?? 60));
    sendProblems(response, format, error.status, error.problems);
    return;
  }
  if (error instanceof WardlineError && /^WL-(CORE-00\d|LIFE|GEO)/.test(error.code)) {
    sendProblems(response, format, 400, [{ code: 400, description: error.message }]);
    return;
  }
  const requestId = requestIdOf(response);
  log.error({ err: error, requestId }, 'Open311 request failed');
  const internal = new Open311Error(503, Open311Errors.Internal, { requestId });
  sendProblems(response, format, 500, [{ code: 500, description: internal.message }]);
}

/**
 * GeoReport v2 with mySociety's extensions, under /open311/v2. Every answer is XML or JSON by
 * the path's extension; every failure is the spec's error list with a message the client's
 * developer can act on, never a stack trace.
 */
export function createOpen311Router(context: Open311Context): Router {
  const router = Router();
  router.use(async (request: Request, response: Response) => {
    const matches = routes.map((route) => ({ route, match: route.path.exec(request.path) })).filter((m) => m.match);
    const log: Logger = (response.locals.log as Logger | undefined) ?? context.logger;
    if (!matches.length) {
      // Not a resource of the spec: still answered in the spec's error format.
      const format: Format = request.path.endsWith('.json') ? 'json' : 'xml';
      sendProblems(response, format, 404, [{ code: 404, description: `Nothing is served at ${request.method} /open311/v2${request.path.slice(0, 100)}: GET discovery.xml lists the resources.` }]);
      return;
    }
    const found = matches.find((m) => m.route.method === request.method);
    const match = (found ?? matches[0])!.match as RegExpExecArray;
    const extension = (match[match.length - 1] ?? '').toLowerCase();
    const format: Format = extension === 'json' ? 'json' : 'xml';
    try {
      if (!FORMATS.includes(extension)) throw new Open311Error(404, Open311Errors.BadFormat, { extension: extension.slice(0, 10) });
      if (!found) {
        response.setHeader('Allow', matches.map((m) => m.route.method).join(', '));
        throw Open311Error.many([`${request.method} is not used on ${request.path}: use ${matches.map((m) => m.route.method).join(' or ')}.`]);
      }
      const id = match.length > 2 ? decodeURIComponent(match[1] ?? '') : undefined;
      const body = request.method === 'POST' ? await readBody(request, context.media) : { fields: new Map(), uploaded: [] };
      const fields = mergeFields(body.fields, request.query as Record<string, unknown>);
      const call: Open311Call = { format, id, fields, uploadedMedia: body.uploaded, log };
      const document = await found.route.handler(context, call);
      send(response, format, document);
    } catch (error) {
      answerError(error, response, format, log);
    }
  });
  return router;
}
