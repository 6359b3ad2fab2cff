/** One limit: at most `limit` sends in any `windowMs`. */
export interface RateWindow {
  limit: number;
  windowMs: number;
}

/**
 * Teams' documented limits per bot per conversation are 7 sends a second, 8 in two seconds, 60 in
 * thirty seconds and 1,800 an hour. Wardline keeps well inside them: at most one a second per
 * chat (which also keeps a phone from buzzing repeatedly), and 1,800 an hour.
 */
export const PER_CONVERSATION_WINDOWS: readonly RateWindow[] = [{ limit: 1, windowMs: 1000 }, { limit: 1800, windowMs: 3_600_000 }];

/** Teams allows about 50 requests a second per app per tenant; Wardline's default stays under it. */
export const DEFAULT_GLOBAL_PER_SECOND = 45;

/**
 * Sliding-window limits by key, as reservations: `reserve` books the earliest moment every window
 * allows and says how long to wait for it. Booking is synchronous, so callers running at once
 * never both take the last slot. Sends keep their booking order per key.
 *
 * Hand-written rather than a library: the common limiters (bottleneck, p-throttle) take one window
 * per key, and Teams' limits are several windows at once.
 */
export class SlidingWindowLimiter {
  private readonly history = new Map<string, number[]>();
  private readonly longest: number;
  private lastSweep = 0;

  constructor(private readonly windows: readonly RateWindow[], private readonly clock: () => number = Date.now) {
    this.longest = Math.max(...windows.map((w) => w.windowMs));
  }

  /** Books the next slot for `key`; returns milliseconds to wait before sending. */
  reserve(key: string): number {
    const now = this.clock();
    this.sweep(now);
    const booked = this.history.get(key) ?? [];
    let at = Math.max(now, booked.at(-1) ?? now);
    for (const { limit, windowMs } of this.windows) if (booked.length >= limit) at = Math.max(at, booked[booked.length - limit] + windowMs);
    booked.push(at);
    const horizon = at - this.longest;
    while (booked.length && booked[0] <= horizon) booked.shift();
    this.history.set(key, booked);
    return at - now;
  }

  /** Forgets keys with nothing booked inside the longest window (every minute at most). */
  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, booked] of this.history) if ((booked.at(-1) ?? 0) <= now - this.longest) this.history.delete(key);
  }

  /** Keys currently tracked (for tests and health output). */
  get size(): number {
    return this.history.size;
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
