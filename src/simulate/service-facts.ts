// What the service's own tables say about a run, beside the invariants: how callbacks and welcome
// attempts ended, which callbacks needed more than one run and why, which jobs gave up.
import type { Queryable } from '../db/client.ts';

export interface ServiceFacts {
  inbox: Record<string, number>;
  /** Callbacks processed more than once, by their last failure (first 80 characters). */
  retried: Record<string, number>;
  welcomes: Record<string, number>;
  failedJobs: Record<string, number>;
}

const tally = (rows: Array<{ k: string | null; n: number }>) => Object.fromEntries(rows.map((r) => [r.k ?? '(none)', r.n]));

export async function serviceFacts(q: Queryable, workspaceId: string, campaignId: number): Promise<ServiceFacts> {
  const rows = async (sql: string, params: unknown[]) => tally((await q.query<{ k: string | null; n: number }>(sql, params)).rows);
  return {
    inbox: await rows(`SELECT status AS k, count(*)::int AS n FROM inbox WHERE workspace_id = $1 GROUP BY 1 ORDER BY 1`, [workspaceId]),
    retried: await rows(`SELECT left(coalesce(status_reason, status), 80) AS k, count(*)::int AS n FROM inbox WHERE workspace_id = $1 AND attempts > 1 GROUP BY 1 ORDER BY 2 DESC LIMIT 10`, [workspaceId]),
    welcomes: await rows(`SELECT status AS k, count(*)::int AS n FROM welcome_attempts WHERE campaign_id = $1 GROUP BY 1 ORDER BY 1`, [campaignId]),
    failedJobs: await rows(`SELECT name AS k, count(*)::int AS n FROM pgboss.job WHERE state = 'failed' GROUP BY 1 ORDER BY 1`, []),
  };
}
