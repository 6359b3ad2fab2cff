/**
 * Delay before the next delivery attempt. A small pure function rather than a retry library:
 * the dispatcher does not retry in-process, it stores the next attempt time in the outbox, so it
 * needs "how long after attempt n", which retry wrappers (p-retry, exponential-backoff) keep inside.
 */
export interface BackoffOptions {
  /** Delay after the first failed attempt. */
  initialMs: number;
  /** Upper bound on any delay. */
  maxMs: number;
  /** Growth per attempt (default 2). */
  factor?: number;
  /** Share of the delay that is random, 0 to 1 (default 0.5): spreads retries so they do not arrive together. */
  jitter?: number;
  /** Source of randomness in [0, 1); inject a fixed one in tests. */
  random?: () => number;
}

/** Returns `attempt -> delay in ms` (attempt counts from 1): exponential growth, capped, with jitter. */
export function exponentialBackoff(options: BackoffOptions): (attempt: number) => number {
  const factor = options.factor ?? 2;
  const jitter = Math.min(1, Math.max(0, options.jitter ?? 0.5));
  const random = options.random ?? Math.random;
  return (attempt) => {
    const base = Math.min(options.maxMs, options.initialMs * factor ** Math.max(0, attempt - 1));
    return Math.round(base * (1 - jitter * random()));
  };
}
