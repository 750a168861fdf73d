// Exponential backoff with jitter for WeChat's "busy" answers (-1 system busy, 45009 frequency).
export interface RetryOptions {
  /** Retries after the first attempt (the reference: "retry later, at most ~3 times"). */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { retries: 3, baseDelayMs: 300, maxDelayMs: 5_000 };

/** Delay before retry number `attempt` (0-based): base·2^attempt capped, scaled into [50 %, 100 %]. */
export function backoffDelay(attempt: number, opts: RetryOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** attempt);
  return Math.round(ceiling * (0.5 + random() / 2));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
