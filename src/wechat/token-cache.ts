// Access tokens cached in the database (table wechat_tokens), shared by every process. A refresh
// is coalesced twice: in process (one flight per key per database handle) and across processes
// on PostgreSQL (a transaction-scoped advisory lock; whoever waits re-reads and finds the new
// token). PGlite belongs to one process, so there the in-process flight is the whole story and no
// transaction is held open across the HTTP call to WeChat.
import { createHash } from 'node:crypto';
import type { Db, Queryable } from '../db/client.ts';

export interface FreshToken {
  accessToken: string;
  /** Seconds, as WeChat answered (normally 7200). */
  expiresIn: number;
}

const LOCK_NAMESPACE = 727_465_010; // fixed: "fission wechat tokens"
const MAX_MARGIN_SECONDS = 300;

/** host + id + hash of the secret: distinct per app secret, sandbox vs real, and never the secret. */
export function tokenCacheKey(baseUrl: string, id: string, secret: string): string {
  const u = new URL(baseUrl);
  const secretHash = createHash('sha256').update(secret).digest('hex').slice(0, 32);
  return `${u.host}${u.pathname.replace(/\/+$/, '')}|${id}|${secretHash}`;
}

const flights = new WeakMap<Db, Map<string, Promise<string>>>();

export class TokenCache {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  /**
   * A token for `key`, from the table while valid, else from `fetch` (then stored). With `stale`
   * (the token WeChat just refused), a token different from it unless a refresh returns the same.
   */
  async get(key: string, fetch: () => Promise<FreshToken>, stale?: string): Promise<string> {
    const cached = await this.read(this.db, key);
    if (cached !== undefined && cached !== stale) return cached;
    let inflight = flights.get(this.db);
    if (!inflight) flights.set(this.db, (inflight = new Map()));
    const running = inflight.get(key);
    if (running) return running;
    const p = this.refresh(key, fetch, stale).finally(() => inflight.delete(key));
    inflight.set(key, p);
    return p;
  }

  /** Forgets a token (e.g. after the secret changed). */
  async drop(key: string): Promise<void> {
    await this.db.query('DELETE FROM wechat_tokens WHERE cache_key = $1', [key]);
  }

  private async refresh(key: string, fetch: () => Promise<FreshToken>, stale: string | undefined): Promise<string> {
    const run = async (q: Queryable) => {
      const current = await this.read(q, key);
      if (current !== undefined && current !== stale) return current;
      const fresh = await fetch();
      await this.write(q, key, fresh);
      return fresh.accessToken;
    };
    if (this.db.kind === 'pglite') return run(this.db);
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_NAMESPACE, key]);
      return run(tx);
    });
  }

  private async read(q: Queryable, key: string): Promise<string | undefined> {
    const r = await q.query<{ access_token: string }>('SELECT access_token FROM wechat_tokens WHERE cache_key = $1 AND use_until > now()', [key]);
    return r.rows[0]?.access_token;
  }

  private async write(q: Queryable, key: string, t: FreshToken): Promise<void> {
    // Stop using a token a little before WeChat does: 10 % of its life, at most 5 minutes.
    const useFor = t.expiresIn - Math.min(MAX_MARGIN_SECONDS, Math.floor(t.expiresIn / 10));
    await q.query(
      `INSERT INTO wechat_tokens (cache_key, access_token, use_until, refreshed_at)
       VALUES ($1, $2, now() + make_interval(secs => $3), now())
       ON CONFLICT (cache_key) DO UPDATE SET access_token = excluded.access_token, use_until = excluded.use_until, refreshed_at = now()`,
      [key, t.accessToken, useFor],
    );
  }
}
