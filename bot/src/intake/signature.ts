import { createHmac, timingSafeEqual } from 'node:crypto';
import { IntakeError, IntakeErrors } from './intake-errors';
import type { SourceDefinition } from './source-definition';

/** Signed posts already seen, kept for the tolerance window so a replay inside it is refused too. */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();

  /** Records a signature; false when it was already seen and has not expired. */
  remember(signature: string, now: number, ttlMs: number): boolean {
    for (const [key, expires] of this.seen) {
      if (expires > now) break;
      this.seen.delete(key);
    }
    if ((this.seen.get(signature) ?? 0) > now) return false;
    this.seen.set(signature, now + ttlMs);
    return true;
  }
}

function timestampOf(text: string): number | undefined {
  const seconds = /^\d{9,11}$/.test(text) ? Number(text) * 1000 : Date.parse(text);
  return Number.isNaN(seconds) ? undefined : seconds;
}

/** What a sender signs: `${timestamp}.${body}`. */
export function signedContent(timestamp: string, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${timestamp}.`, 'utf8'), body]);
}

/** The header value a sender computes (used by the tests and documented for councils). */
export function sign(definition: SourceDefinition, secret: string, timestamp: string, body: Buffer): string {
  const digest = createHmac(definition.signature.algorithm, secret).update(signedContent(timestamp, body)).digest(definition.signature.encoding);
  return `${definition.signature.prefix ?? ''}${digest}`;
}

/**
 * Checks a post's HMAC over `${timestamp}.${body}` with the source's shared secret, that the
 * timestamp is within the tolerance of the server clock, and that this signature was not seen
 * before. Unsigned, forged, stale and replayed posts are refused (401) before anything is read.
 */
export function verifyPost(definition: SourceDefinition, headers: (name: string) => string | undefined, body: Buffer, env: Readonly<Record<string, string | undefined>>, now: number, guard: ReplayGuard): void {
  const rule = definition.signature;
  const details = { source: definition.source, header: rule.header, algorithm: rule.algorithm.toUpperCase(), variable: rule.secretVariable };
  const secret = env[rule.secretVariable];
  if (!secret) throw new IntakeError(503, IntakeErrors.NoSecret, details);
  const given = headers(rule.header);
  const timestamp = headers(rule.timestampHeader);
  if (!given || !timestamp) throw new IntakeError(401, IntakeErrors.Unsigned, { ...details, header: given ? rule.timestampHeader : rule.header });
  const expected = Buffer.from(sign(definition, secret, timestamp, body));
  const actual = Buffer.from(given.trim());
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw new IntakeError(401, IntakeErrors.BadSignature, details);
  const sentAt = timestampOf(timestamp.trim());
  const toleranceMs = rule.toleranceSeconds * 1000;
  if (sentAt === undefined || Math.abs(now - sentAt) > toleranceMs) {
    throw new IntakeError(401, IntakeErrors.Stale, { ...details, header: rule.timestampHeader, age: sentAt === undefined ? 'unreadable' : Math.round(Math.abs(now - sentAt) / 1000), tolerance: rule.toleranceSeconds });
  }
  if (!guard.remember(`${definition.source}:${given.trim()}`, now, toleranceMs * 2)) throw new IntakeError(409, IntakeErrors.Replayed, details);
}
