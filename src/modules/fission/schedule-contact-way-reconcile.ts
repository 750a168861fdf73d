// When reconciliation passes (reconcile-contact-ways.ts) run: daily at 04:00 Asia/Shanghai for
// each workspace that makes codes — the chain is started by publishing a campaign and by every
// worker start, and each pass plans the next; one job per (workspace, run time), so these meet —
// and on demand from the admin API.
import type { Queryable } from '../../db/client.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { ReconcileContactWaysJob } from '../../jobs/fission/definitions.ts';

/** 04:00 in Shanghai (UTC+8, no daylight saving) is 20:00 UTC. */
const RUN_HOUR_UTC = 20;

export function nextDailyRun(now: Date): Date {
  const run = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), RUN_HOUR_UTC));
  if (run.getTime() <= now.getTime()) run.setUTCDate(run.getUTCDate() + 1);
  return run;
}

export async function scheduleDailyReconcile(q: Queryable, jobs: JobQueue, workspaceId: string, now = new Date()): Promise<void> {
  const at = nextDailyRun(now);
  await jobs.send(ReconcileContactWaysJob, { workspaceId, page: null }, { tx: q, key: `reconcile:${workspaceId}:${at.toISOString()}`, startAfter: at });
}

/** Every workspace that ever made a code gets its daily pass planned (workers call this at start). */
export async function scheduleAllDailyReconciles(q: Queryable, jobs: JobQueue, now = new Date()): Promise<number> {
  const r = await q.query<{ id: string }>(`SELECT id FROM workspaces w WHERE EXISTS (SELECT 1 FROM contact_ways cw WHERE cw.workspace_id = w.id)`);
  for (const { id } of r.rows) await scheduleDailyReconcile(q, jobs, id, now);
  return r.rows.length;
}

/** A pass now (admin API). Returns false when one was already asked for this minute. */
export async function reconcileNow(q: Queryable, jobs: JobQueue, workspaceId: string, now = new Date()): Promise<boolean> {
  const minute = now.toISOString().slice(0, 16);
  return (await jobs.send(ReconcileContactWaysJob, { workspaceId, page: null }, { tx: q, key: `reconcile:${workspaceId}:now:${minute}` })) !== null;
}
