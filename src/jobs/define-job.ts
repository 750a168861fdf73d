// A job definition: a queue name, the schema of its payload, and its retry policy. Handlers live
// apart (they import use cases); definitions are light so that producers import only these.
import type { z } from 'zod';

export interface RetryPolicy {
  /** Attempts after the first one. */
  retryLimit: number;
  /** Seconds before the first retry; doubled each time (with jitter) up to retryDelayMax. */
  retryDelay: number;
  retryDelayMax?: number;
  /** A run longer than this is considered dead (its worker crashed) and is retried. */
  expireInSeconds: number;
}

export interface JobDef<T> {
  name: string;
  schema: z.ZodType<T>;
  retry: RetryPolicy;
}

const DEFAULT_RETRY: RetryPolicy = { retryLimit: 8, retryDelay: 2, retryDelayMax: 600, expireInSeconds: 300 };

export function defineJob<T>(name: string, schema: z.ZodType<T>, retry: Partial<RetryPolicy> = {}): JobDef<T> {
  if (!/^[a-z][a-z0-9_.-]{2,60}$/.test(name)) throw new Error(`bad job name ${name}`);
  return { name, schema, retry: { ...DEFAULT_RETRY, ...retry } };
}
