/**
 * Requests a minute per API key, counted in fixed one-minute windows. In memory: each instance
 * of the service counts its own share, which is the usual trade for not adding a shared cache.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly clock: () => Date) {}

  /** Counts one request; returns the seconds to wait when the limit is already reached. */
  take(name: string, perMinute: number): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const now = this.clock().getTime();
    const window = this.windows.get(name);
    if (!window || now - window.start >= 60_000 || now < window.start) {
      this.windows.set(name, { start: now, count: 1 });
      return { allowed: true };
    }
    if (window.count >= perMinute) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + 60_000 - now) / 1000)) };
    window.count += 1;
    return { allowed: true };
  }
}
