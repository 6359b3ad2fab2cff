import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the bot made to the Bot Connector. */
export interface ConnectorCall {
  method: string;
  path: string;
  conversationId?: string;
  /** The activity id in the path (the one updated, or replied to). */
  activityId?: string;
  /** The id the connector gave a posted activity (what the bot later updates). */
  postedId?: string;
  body: Record<string, unknown> | undefined;
  status: number;
  at: number;
  authorization?: string;
}

export interface Window {
  limit: number;
  windowMs: number;
}

/** Teams' documented per-bot, per-conversation limits, and the per-app limit (about 50 a second). */
export const TEAMS_CONVERSATION_LIMITS: readonly Window[] = [{ limit: 7, windowMs: 1000 }, { limit: 8, windowMs: 2000 }, { limit: 60, windowMs: 30_000 }, { limit: 1800, windowMs: 3_600_000 }];
export const TEAMS_APP_LIMIT: Window = { limit: 50, windowMs: 1000 };

/**
 * A loopback Bot Connector (test support): answers the Bot Framework v3 conversation API as Teams
 * does, records every call, and enforces Teams' rate limits with 429s. Conversations can be made
 * "gone" (403 BotNotInConversationRoster) and failures scripted.
 */
export class LoopbackConnector {
  readonly calls: ConnectorCall[] = [];
  readonly rejected429: ConnectorCall[] = [];
  private server?: Server;
  private sequence = 0;
  private readonly sendTimes = new Map<string, number[]>();
  private readonly appTimes: number[] = [];
  readonly gone = new Set<string>();
  readonly scripted: { status: number; code: string; retryAfter?: number }[] = [];
  /** Users who have not installed the app: creating a chat with them answers 403. */
  readonly notInstalled = new Set<string>();
  readonly members = new Map<string, { id: string; aadObjectId?: string; name?: string }[]>();
  readonly files = new Map<string, { bytes: Buffer; type: string; needsToken: boolean }>();
  /**
   * Sends and updates this returns true for are accepted (posted, recorded with their status) but
   * never answered, as when the bot's process dies between Teams accepting a card and hearing so
   * (crash tests). They are listed in `held`.
   */
  holdWhen?: (call: ConnectorCall) => boolean;
  readonly held: ConnectorCall[] = [];
  url = '';

  constructor(private readonly options: { conversationLimits?: readonly Window[]; appLimit?: Window | null } = {}) {}

  async start(): Promise<this> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** Message sends and updates (not member lists or file downloads). */
  get activityCalls(): ConnectorCall[] {
    return this.calls.filter((c) => /\/activities/.test(c.path) && c.status < 300);
  }

  cardsIn(conversationId: string): Record<string, unknown>[] {
    return this.activityCalls.filter((c) => c.conversationId === conversationId).map((c) => c.body ?? {});
  }

  private limited(conversationId: string, now: number): boolean {
    const times = this.sendTimes.get(conversationId) ?? [];
    const windows = this.options.conversationLimits ?? TEAMS_CONVERSATION_LIMITS;
    const over = windows.some((w) => times.filter((t) => t > now - w.windowMs).length >= w.limit);
    const app = this.options.appLimit === undefined ? TEAMS_APP_LIMIT : this.options.appLimit;
    const appOver = !!app && this.appTimes.filter((t) => t > now - app.windowMs).length >= app.limit;
    if (over || appOver) return true;
    times.push(now);
    this.sendTimes.set(conversationId, times.filter((t) => t > now - 3_600_000));
    this.appTimes.push(now);
    while (this.appTimes.length && this.appTimes[0] <= now - 1000) this.appTimes.shift();
    return false;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined;
    const path = (request.url ?? '').split('?')[0];
    const match = /^\/v3\/conversations\/([^/]+)(?:\/(activities|members)(?:\/([^/]+))?)?$/.exec(path);
    const conversationId = match ? decodeURIComponent(match[1]) : undefined;
    const call: ConnectorCall = { method: request.method ?? '', path, conversationId, activityId: match?.[3] ? decodeURIComponent(match[3]) : undefined, body, status: 0, at: Date.now(), authorization: request.headers.authorization };
    const answer = (status: number, json: unknown, headers: Record<string, string> = {}) => {
      call.status = status;
      this.calls.push(call);
      if (status === 429) this.rejected429.push(call);
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(json));
    };
    if (request.method === 'GET' && path.startsWith('/files/')) {
      const file = this.files.get(path);
      call.status = file ? 200 : 404;
      this.calls.push(call);
      if (!file || (file.needsToken && !request.headers.authorization && process.env.LOOPBACK_REQUIRE_TOKEN === '1')) {
        response.writeHead(file ? 401 : 404).end();
        return;
      }
      response.writeHead(200, { 'content-type': file.type, 'content-length': String(file.bytes.length) }).end(file.bytes);
      return;
    }
    if (request.method === 'POST' && path === '/v3/conversations') {
      const member = ((body?.members as { id: string }[] | undefined) ?? [])[0]?.id ?? '';
      if (this.notInstalled.has(member)) return answer(403, { error: { code: 'Forbidden', message: 'The bot is not installed for the user' } });
      return answer(201, { id: `a:personal-${member}` });
    }
    if (!conversationId) return answer(404, { error: { code: 'NotFound', message: path } });
    if (this.gone.has(conversationId)) return answer(403, { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } });
    if (match?.[2] === 'members' && request.method === 'GET') return answer(200, this.members.get(conversationId) ?? []);
    if (match?.[2] === 'activities') {
      const next = this.scripted.shift();
      if (next) return answer(next.status, { error: { code: next.code, message: 'scripted' } }, next.retryAfter ? { 'retry-after': String(next.retryAfter) } : {});
      if (this.limited(conversationId, Date.now())) return answer(429, { error: { code: 'Throttled', message: 'Too many requests' } }, { 'retry-after': '1' });
      if (this.holdWhen?.(call)) {
        call.status = request.method === 'PUT' ? 200 : 201;
        if (request.method === 'POST') call.postedId = `activity-${(this.sequence += 1)}`;
        this.calls.push(call);
        this.held.push(call);
        return;
      }
      if (request.method === 'PUT') return answer(200, { id: call.activityId });
      this.sequence += 1;
      call.postedId = `activity-${this.sequence}`;
      return answer(201, { id: call.postedId });
    }
    return answer(404, { error: { code: 'NotFound', message: path } });
  }
}
