// Per-(corp, API) and per-(IP, API) frequency limits in fixed minute/hour windows on the sandbox
// clock. Tripping one blocks that key for the documented window (60 s / 60 min), not just until
// the window rolls over.
import type { Clock } from '../clock.ts';
import type { RateLimit, SandboxLimits } from '../limits.ts';

interface Counter {
  minute: number;
  minuteCount: number;
  hour: number;
  hourCount: number;
  blockedUntil: number;
}

export type RateScope = 'corp' | 'ip';

export interface RateLimiter {
  /** Counts one call; false when the caller is (now) blocked. */
  hit(scope: RateScope, who: string, api: string): boolean;
  reset(): void;
}

export function createRateLimiter(clock: Clock, limits: SandboxLimits): RateLimiter {
  const counters = new Map<string, Counter>();
  const limitFor = (scope: RateScope, api: string): RateLimit => ({ ...limits.rate[scope], ...limits.rate.perApi?.[api]?.[scope] });

  return {
    hit(scope, who, api) {
      const now = clock.now();
      const key = `${scope}|${who}|${api}`;
      const minute = Math.floor(now / 60_000);
      const hour = Math.floor(now / 3_600_000);
      let c = counters.get(key);
      if (!c) {
        c = { minute, minuteCount: 0, hour, hourCount: 0, blockedUntil: 0 };
        counters.set(key, c);
      }
      if (now < c.blockedUntil) return false;
      if (c.minute !== minute) Object.assign(c, { minute, minuteCount: 0 });
      if (c.hour !== hour) Object.assign(c, { hour, hourCount: 0 });
      c.minuteCount++;
      c.hourCount++;
      const limit = limitFor(scope, api);
      if (c.hourCount > limit.perHour) {
        c.blockedUntil = now + 3_600_000;
        return false;
      }
      if (c.minuteCount > limit.perMinute) {
        c.blockedUntil = now + 60_000;
        return false;
      }
      return true;
    },
    reset: () => counters.clear(),
  };
}
