// The probe job: an operator's check that workers are alive, and the vehicle of the
// exactly-once tests. Each run is logged with its process id; the result is recorded once.
import { z } from 'zod';
import { defineJob } from './define-job.ts';
import type { WorkerDeps } from './registry.ts';
import type { JobHandler } from './queue.ts';
import type { Queryable } from '../db/client.ts';

export const ProbeJob = defineJob('system.probe', z.object({ workspaceId: z.uuid(), key: z.string().min(1).max(80), sleepMs: z.number().int().min(0).max(60_000) }), {
  retryLimit: 3, retryDelay: 1, expireInSeconds: 15,
});

export const probeHandler = ({ db }: WorkerDeps): JobHandler<z.infer<typeof ProbeJob.schema>> => async (p, ctx) => {
  const run = await db.query<{ id: number }>(
    'INSERT INTO job_probe_runs (workspace_id, probe_key, job_id, attempt, pid) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [p.workspaceId, p.key, ctx.id, ctx.retryCount, process.pid],
  );
  if (p.sleepMs) await new Promise((r) => setTimeout(r, p.sleepMs));
  await db.transaction(async (tx) => {
    await tx.query('UPDATE job_probe_runs SET finished_at = now() WHERE id = $1', [run.rows[0]!.id]);
    await tx.query(
      'INSERT INTO job_probe_results (workspace_id, probe_key, pid) VALUES ($1, $2, $3) ON CONFLICT (workspace_id, probe_key) DO NOTHING',
      [p.workspaceId, p.key, process.pid],
    );
  });
};

export interface ProbeReport {
  key: string;
  runs: Array<{ pid: number; attempt: number; finished: boolean }>;
  completedBy: number | null;
}

export async function probeReport(q: Queryable, workspaceId: string): Promise<ProbeReport[]> {
  const r = await q.query<{ key: string; runs: ProbeReport['runs'] | null; completed_by: number | null }>(
    `SELECT k.probe_key AS key,
            (SELECT json_agg(json_build_object('pid', pid, 'attempt', attempt, 'finished', finished_at IS NOT NULL) ORDER BY id)
               FROM job_probe_runs r WHERE r.workspace_id = $1 AND r.probe_key = k.probe_key) AS runs,
            (SELECT pid FROM job_probe_results s WHERE s.workspace_id = $1 AND s.probe_key = k.probe_key) AS completed_by
       FROM (SELECT DISTINCT probe_key FROM job_probe_runs WHERE workspace_id = $1
             UNION SELECT probe_key FROM job_probe_results WHERE workspace_id = $1) k
      ORDER BY k.probe_key`,
    [workspaceId],
  );
  return r.rows.map((x) => ({ key: x.key, runs: x.runs ?? [], completedBy: x.completed_by }));
}
