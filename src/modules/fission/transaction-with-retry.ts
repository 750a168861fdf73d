// Runs a transaction again when PostgreSQL aborted it as a deadlock victim (40P01) or a
// serialization failure (40001). Busy campaigns make these rare but real (many helpers, stats
// counter rows); the transaction did nothing, so running it again is safe. `onRetry` lets a caller
// see them (tests assert that a lock order leaves none).
import type { Db, Queryable } from '../../db/client.ts';

const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 5;

export interface RetryOptions {
  onRetry?: (code: string, attempt: number) => void;
}

export async function transactionWithRetry<T>(db: Db, fn: (tx: Queryable) => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(fn);
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (attempt >= ATTEMPTS || typeof code !== 'string' || !RETRYABLE.has(code)) throw err;
      opts.onRetry?.(code, attempt);
      await new Promise((r) => setTimeout(r, 10 * attempt + Math.random() * 40));
    }
  }
}
