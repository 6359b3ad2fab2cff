import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';

/**
 * Sends JSON with a strong ETag of the body; a request whose If-None-Match matches gets 304 and
 * no body. Responses are private (per person) and revalidated every time.
 */
export function sendJson(request: Request, response: Response, body: unknown): void {
  const text = JSON.stringify(body);
  const etag = `"${createHash('sha1').update(text).digest('base64url')}"`;
  response.setHeader('ETag', etag);
  response.setHeader('Cache-Control', 'private, no-cache');
  response.setHeader('Vary', 'Authorization');
  const match = request.headers['if-none-match'];
  if (match && match.split(',').map((t) => t.trim().replace(/^W\//, '')).includes(etag)) {
    response.status(304).end();
    return;
  }
  response.type('application/json').send(text);
}
