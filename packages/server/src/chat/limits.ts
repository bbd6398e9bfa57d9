// In-memory limits of one server instance: messages per conversation and side, and the typing throttle.

/** At most `max` events per key within `windowMs` (a sliding window). */
export class WindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly max: number, private readonly windowMs: number) {}

  /** Counts one event; answers the seconds to wait when the key is over its limit (then nothing is counted). */
  take(key: string, now = Date.now()): number | undefined {
    const since = now - this.windowMs;
    const recent = (this.hits.get(key) ?? []).filter((at) => at > since);
    if (recent.length >= this.max) {
      this.hits.set(key, recent);
      return Math.max(1, Math.ceil(((recent[0] ?? now) + this.windowMs - now) / 1000));
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) this.prune(since);
    return undefined;
  }

  private prune(since: number): void {
    for (const [key, times] of this.hits) if (times.every((at) => at <= since)) this.hits.delete(key);
  }
}

/** Lets one event per key through every `intervalMs`; the rest are dropped. */
export class Throttle {
  private readonly last = new Map<string, number>();

  constructor(private readonly intervalMs: number) {}

  allow(key: string, now = Date.now()): boolean {
    const previous = this.last.get(key);
    if (previous !== undefined && now - previous < this.intervalMs) return false;
    this.last.set(key, now);
    if (this.last.size > 10_000) for (const [k, at] of this.last) if (now - at >= this.intervalMs) this.last.delete(k);
    return true;
  }
}
