// What every WeChat client accepts besides its credentials.
import type { Logger } from 'pino';
import { DEFAULT_RETRY, type RetryOptions } from './backoff.ts';
import { RateLimiter, sharedLimiter, type DEFAULT_LIMITS, type RateLimit } from './rate-limiter.ts';

/** A pino logger (or anything with the same info/warn). */
export type WeChatLogger = Pick<Logger, 'info' | 'warn'>;

export interface ClientOptions {
  logger: WeChatLogger;
  /** Root of the product's host: the real one by default, `<sandbox>/wecom` etc. in sandbox mode. */
  baseUrl?: string;
  /** This client's own limit or limiter; default: the process-wide limiter of the product; false: none. */
  rateLimit?: RateLimit | RateLimiter | false;
  retry?: Partial<RetryOptions>;
  /** Per HTTP request. */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

export function resolveLimiter(product: keyof typeof DEFAULT_LIMITS, opt: ClientOptions['rateLimit']): RateLimiter | null {
  if (opt === false) return null;
  if (opt instanceof RateLimiter) return opt;
  return opt ? new RateLimiter(opt) : sharedLimiter(product);
}

export const resolveRetry = (opt: Partial<RetryOptions> | undefined): RetryOptions => ({ ...DEFAULT_RETRY, ...opt });

/** `base` + `path`, tolerating a trailing slash on the base. */
export function joinUrl(base: string, path: string, query: Record<string, string | number | undefined> = {}): URL {
  const url = new URL(base.replace(/\/+$/, '') + path);
  for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
  return url;
}
