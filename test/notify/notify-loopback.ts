// Test-only: a loopback GOV.UK Notify that answers as its OpenAPI description
// (../shared/reference/notify) says and enforces what its README adds: JWT HS256 with iss = the
// service id and iat within 30 s, signed with the key's secret; request bodies with no property
// the description does not list; errors as {status_code, errors: [{error, message}]}.
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';

export const SPEC_PATH = path.resolve(__dirname, '../../../shared/reference/notify/publicapi_spec.bundled.json');
const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Record<string, unknown> }> }; parameters?: { name: string; in: string; schema: { enum?: string[] } }[] }>> };

const botRequire = createRequire(path.resolve(__dirname, '../../bot/package.json'));
type Validate = ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string; params?: Record<string, unknown> }[] | null };
const Ajv = botRequire('ajv').default as new (o: object) => { compile(schema: object): Validate };
const ajv = new Ajv({ allErrors: true, strict: false });

/** The published request schema of a path, made strict at the top level as the live service is. */
function strictSchema(apiPath: string): Validate {
  const schema = structuredClone(spec.paths[apiPath]?.post?.requestBody?.content['application/json']?.schema) as Record<string, unknown>;
  schema.additionalProperties = false;
  return ajv.compile(schema);
}
const validators: Record<string, Validate> = {
  '/v2/notifications/email': strictSchema('/v2/notifications/email'),
  '/v2/notifications/sms': strictSchema('/v2/notifications/sms'),
};

export const SERVICE_ID = '26785a09-ab16-4eb0-8407-a37497a57506';
export const SECRET = '3d844edf-8d35-48ac-975b-e847b4f122b0';
export const API_KEY = `wardline_test-${SERVICE_ID}-${SECRET}`;

export interface Recorded {
  method: string;
  path: string;
  query: Record<string, string>;
  body?: Record<string, unknown>;
  claims?: { iss: string; iat: number };
  status: number;
}

export interface Sent {
  id: string;
  type: 'email' | 'sms';
  to: string;
  template_id: string;
  reference?: string;
  personalisation: Record<string, unknown>;
}

/** What the next POST sends should meet instead of success. */
export type Fault = { status: number } | { acceptThenDrop: true };

export interface NotifyLoopback {
  url: string;
  requests: Recorded[];
  sent: Sent[];
  /** Template ids the service has; an unknown one is a 400 as in Notify. */
  templates: Set<string>;
  faults: Fault[];
  close(): Promise<void>;
}

const error = (response: ServerResponse, status: number, kind: string, message: string): void => {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ status_code: status, errors: [{ error: kind, message }] }));
};

const b64 = (text: string): string => Buffer.from(text, 'base64url').toString('utf8');

/** Checks the bearer JWT as Notify does; returns the claims or the reason it is refused. */
function checkJwt(header: string | undefined, now: number): { claims: { iss: string; iat: number } } | { problem: string } {
  const token = /^Bearer (.+)$/.exec(header ?? '')?.[1];
  if (!token) return { problem: 'Unauthorized: authentication token must be provided' };
  const [head, body, signature] = token.split('.');
  if (!head || !body || !signature) return { problem: 'Invalid token: not a JWT' };
  const parsedHead = JSON.parse(b64(head)) as { alg?: string; typ?: string };
  if (parsedHead.alg !== 'HS256') return { problem: `Invalid token: algorithm ${parsedHead.alg} is not HS256` };
  const expected = createHmac('sha256', SECRET).update(`${head}.${body}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { problem: 'Invalid token: API key not found' };
  const claims = JSON.parse(b64(body)) as { iss: string; iat: number };
  if (claims.iss !== SERVICE_ID) return { problem: 'Invalid token: service not found' };
  if (typeof claims.iat !== 'number' || Math.abs(now / 1000 - claims.iat) > 30) return { problem: 'Error: Your system clock must be accurate to within 30 seconds' };
  return { claims };
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

export async function startNotifyLoopback(): Promise<NotifyLoopback> {
  const state: Omit<NotifyLoopback, 'url' | 'close'> = { requests: [], sent: [], templates: new Set(), faults: [] };
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://loopback');
    const record: Recorded = { method: request.method ?? '', path: url.pathname, query: Object.fromEntries(url.searchParams), status: 0 };
    state.requests.push(record);
    const finish = (status: number) => (record.status = status);
    const auth = checkJwt(request.headers.authorization, Date.now());
    if ('problem' in auth) {
      finish(403);
      return error(response, 403, 'AuthError', auth.problem);
    }
    record.claims = auth.claims;
    if (request.method === 'POST' && validators[url.pathname]) {
      let body: unknown;
      try {
        body = await readJson(request);
      } catch {
        finish(400);
        return error(response, 400, 'BadRequestError', 'Invalid JSON supplied in POST data');
      }
      record.body = body as Record<string, unknown>;
      const validate = validators[url.pathname] as Validate;
      if (!validate(body)) {
        finish(400);
        const first = validate.errors?.[0];
        const extra = first?.params?.additionalProperty;
        return error(response, 400, 'ValidationError', extra ? `Additional properties are not allowed (${String(extra)} was unexpected)` : `${first?.instancePath || 'body'} ${first?.message ?? 'is invalid'}`);
      }
      const fault = state.faults.shift();
      if (fault && 'status' in fault) {
        finish(fault.status);
        return error(response, fault.status, fault.status === 429 ? 'RateLimitError' : 'Exception', fault.status === 429 ? 'Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds' : 'Internal server error');
      }
      const payload = body as Record<string, unknown>;
      if (!state.templates.has(String(payload.template_id))) {
        finish(400);
        return error(response, 400, 'BadRequestError', 'Template not found');
      }
      const type = url.pathname.endsWith('/sms') ? 'sms' : 'email';
      const sent: Sent = { id: randomUUID(), type, to: String(payload.email_address ?? payload.phone_number), template_id: String(payload.template_id), reference: payload.reference as string | undefined, personalisation: (payload.personalisation ?? {}) as Record<string, unknown> };
      state.sent.push(sent);
      if (fault && 'acceptThenDrop' in fault) {
        finish(-1);
        request.socket.destroy();
        return;
      }
      finish(201);
      response.writeHead(201, { 'content-type': 'application/json' });
      return response.end(JSON.stringify({ id: sent.id, reference: sent.reference ?? null, content: type === 'email' ? { subject: 'Your report', body: 'Thank you', from_email: 'council@notifications.service.gov.uk' } : { body: 'Thank you', from_number: 'COUNCIL' }, uri: `${url.origin}/v2/notifications/${sent.id}`, template: { id: sent.template_id, version: 1, uri: `${url.origin}/v2/template/${sent.template_id}` } }));
    }
    if (request.method === 'GET' && url.pathname === '/v2/notifications') {
      const allowed = new Map((spec.paths['/v2/notifications']?.get?.parameters ?? []).map((p) => [p.name, p.schema.enum]));
      for (const [name, value] of url.searchParams) {
        if (!allowed.has(name)) {
          finish(400);
          return error(response, 400, 'ValidationError', `Additional properties are not allowed (${name} was unexpected)`);
        }
        const values = allowed.get(name);
        if (values && !values.includes(value)) {
          finish(400);
          return error(response, 400, 'ValidationError', `${name} ${value} is not one of [${values.join(', ')}]`);
        }
      }
      const reference = url.searchParams.get('reference');
      const type = url.searchParams.get('template_type');
      const found = state.sent.filter((s) => (!reference || s.reference === reference) && (!type || s.type === type));
      finish(200);
      response.writeHead(200, { 'content-type': 'application/json' });
      return response.end(JSON.stringify({ notifications: found.map((s) => ({ id: s.id, reference: s.reference ?? null, type: s.type, status: 'sending' })), links: { current: url.href } }));
    }
    finish(404);
    error(response, 404, 'NotFoundError', 'Not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    ...state,
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
