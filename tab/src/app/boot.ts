import type { AuthConfig } from './auth';

/** How long after the page starts an early answer may still be used (later, the app asks afresh). */
const EARLY_FOR_MS = 30_000;

/** An early answer that has arrived and been read. */
export interface ReadyAnswer {
  status: number;
  etag: string | null;
  body: unknown;
}

/** One GET the page asked for early: the response, and once it has been read, its body. */
export interface EarlyAnswer {
  response: Promise<Response>;
  /** Settles (never rejects) once the answer has arrived and been read, or failed. */
  settled: Promise<void>;
  ready?: ReadyAnswer;
}

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
  answers?: Map<string, EarlyAnswer>;
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
function takeEarly(path: string, token: string): EarlyAnswer | undefined {
  const boot = window.wardlineBoot;
  const early = boot?.answers?.get(path);
  if (!boot || !early) return undefined;
  boot.answers?.delete(path);
  return boot.token === token && performance.now() < EARLY_FOR_MS ? early : undefined;
}

/** The early response to GET `path` sent with this token (arrived or not); used once. */
export function takeEarlyResponse(path: string, token: string): Promise<Response> | undefined {
  return takeEarly(path, token)?.response;
}

/** The early answer to GET `path` if it has already arrived, was a success, and was sent with this token; used once. */
export function takeReadyAnswer(path: string, token: string): ReadyAnswer | undefined {
  const ready = window.wardlineBoot?.answers?.get(path)?.ready;
  if (!ready || ready.status !== 200) return undefined;
  return takeEarly(path, token)?.ready;
}

/** Waits until every early answer has arrived (or failed), at most `limitMs`. */
export async function earlyAnswersSettled(limitMs: number): Promise<void> {
  const answers = [...(window.wardlineBoot?.answers?.values() ?? [])];
  if (!answers.length) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([Promise.all(answers.map((a) => a.settled)), new Promise<void>((resolve) => { timer = setTimeout(resolve, limitMs); })]);
  clearTimeout(timer);
}
