// In-process token buckets, one per (owner, api): a client stays under WeChat's per-corp, per-API
// ceiling (WeCom: 10 000/min, reference §1) instead of tripping 45009 and a 60 s block. Callers
// over the rate wait their turn (each call reserves a token, so waiters are served in order).
// The bucket is per process: with N worker processes, give each 1/N of the budget.
import { sleep } from './backoff.ts';

export interface RateLimit {
  perMinute: number;
  /** Calls allowed back-to-back before the rate applies. */
  burst: number;
}

export interface LimiterClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: LimiterClock = { now: () => performance.now(), sleep };

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly limit: RateLimit;
  private readonly clock: LimiterClock;

  constructor(limit: RateLimit, clock: LimiterClock = realClock) {
    if (!(limit.perMinute > 0) || !(limit.burst >= 1)) throw new Error('rate limit needs perMinute > 0 and burst >= 1');
    this.limit = limit;
    this.clock = clock;
  }

  /** Milliseconds the caller must wait for its token (0 when one is free); the token is reserved. */
  reserve(key: string): number {
    const now = this.clock.now();
    const perMs = this.limit.perMinute / 60_000;
    const b = this.buckets.get(key) ?? { tokens: this.limit.burst, at: now };
    b.tokens = Math.min(this.limit.burst, b.tokens + (now - b.at) * perMs) - 1;
    b.at = now;
    this.buckets.set(key, b);
    return b.tokens >= 0 ? 0 : Math.ceil(-b.tokens / perMs);
  }

  async take(key: string): Promise<void> {
    const wait = this.reserve(key);
    if (wait > 0) await this.clock.sleep(wait);
  }
}

/** Defaults below WeChat's ceilings: WeCom/OA 10 000/min per API; Pay red packets 30/s. */
export const DEFAULT_LIMITS = {
  wecom: { perMinute: 9_000, burst: 200 },
  oa: { perMinute: 9_000, burst: 200 },
  pay: { perMinute: 1_500, burst: 25 },
} as const satisfies Record<string, RateLimit>;

const shared = new Map<string, RateLimiter>();

/** The process-wide limiter of a product, shared by every client instance that has no own limit. */
export function sharedLimiter(product: keyof typeof DEFAULT_LIMITS): RateLimiter {
  let l = shared.get(product);
  if (!l) shared.set(product, (l = new RateLimiter(DEFAULT_LIMITS[product])));
  return l;
}
