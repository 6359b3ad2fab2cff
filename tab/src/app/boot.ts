import type { AuthConfig } from './auth';

/** How long after the page starts an early answer may still be used (later, the app asks afresh). */
const EARLY_FOR_MS = 30_000;

/**
 * Requests the script in index.html (src/early.ts) starts before the app's scripts have loaded:
 * how to sign in, and, with a saved development token, who is signed in and the first data their
 * opening view needs. Each is used once.
 */
export interface Boot {
  auth?: Promise<AuthConfig>;
  /** The bearer token the early API requests were sent with. */
  token?: string;
  /** Early GET answers by API path (under /api/tab), e.g. `/me`. */
  responses?: Map<string, Promise<Response>>;
}

declare global {
  interface Window {
    wardlineBoot?: Boot;
  }
}

export function takeBoot(key: 'auth'): Promise<AuthConfig> | undefined {
  const boot = window.wardlineBoot;
  const value = boot?.[key];
  if (boot) delete boot[key];
  return value;
}

/** The early answer to GET `path` sent with this token, if there is one and it is fresh; used once. */
export function takeEarlyResponse(path: string, token: string): Promise<Response> | undefined {
  const boot = window.wardlineBoot;
  const early = boot?.responses?.get(path);
  if (!boot || !early) return undefined;
  boot.responses?.delete(path);
  return boot.token === token && performance.now() < EARLY_FOR_MS ? early : undefined;
}
