import type { Request } from 'express';

/** Reads a body up to `limit` bytes; resolves undefined when it is longer (the rest is discarded). */
export function readRawBody(request: Request, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    if (Number(request.get('content-length') ?? '0') > limit) {
      request.resume();
      resolve(undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(over ? undefined : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

const strict = new TextDecoder('utf-8', { fatal: true });

/** The body as UTF-8 text, or undefined when its bytes are not UTF-8. */
export function utf8(body: Buffer): string | undefined {
  try {
    return strict.decode(body);
  } catch {
    return undefined;
  }
}
