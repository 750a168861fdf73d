// The sandbox's notion of "now". Token expiry, welcome-code validity, rate-limit windows and daily
// quotas all read this clock, so tests and demos can jump forward instead of waiting.

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export interface SandboxClock extends Clock {
  advance(ms: number): void;
  /** How far the clock runs ahead of its base clock, in ms. */
  offset(): number;
}

export function createSandboxClock(base: Clock = { now: () => Date.now() }, initialOffsetMs = 0): SandboxClock {
  let offset = initialOffsetMs;
  return {
    now: () => base.now() + offset,
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError('the sandbox clock only moves forward');
      offset += ms;
    },
    offset: () => offset,
  };
}

/** A clock that stands still until advanced: for unit tests. */
export function createManualClock(startMs: number): SandboxClock {
  return createSandboxClock({ now: () => startMs });
}

export const unixSeconds = (clock: Clock) => Math.floor(clock.now() / 1000);

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** The natural day in Asia/Shanghai (WeChat's day boundary for daily quotas), e.g. `2026-11-23`. */
export function shanghaiDay(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}
