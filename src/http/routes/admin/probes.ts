import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../../db/client.ts';
import type { JobQueue } from '../../../jobs/queue.ts';
import { ProbeJob, probeReport } from '../../../jobs/probe.ts';
import { requireRole } from '../../auth.ts';

const Params = z.object({ workspace: z.string().min(2).max(40) });

export function adminProbeRoutes(db: Db, jobs: JobQueue): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/api/admin/workspaces/:workspace/probes', {
      schema: {
        tags: ['admin: system'],
        summary: 'Enqueue probe jobs to check that workers run (owner)',
        params: Params,
        body: z.object({
          keys: z.array(z.string().regex(/^[A-Za-z0-9_.:-]{1,80}$/, 'letters, digits and _.:- (1–80)')).min(1).max(1000),
          sleepMs: z.number().int().min(0).max(60_000).default(0),
        }),
        response: { 202: z.object({ enqueued: z.number().int() }) },
      },
    }, async (req, reply) => {
      const m = await requireRole(db, req, req.params.workspace, 'owner');
      let enqueued = 0;
      await db.transaction(async (tx) => {
        for (const key of req.body.keys) {
          if (await jobs.send(ProbeJob, { workspaceId: m.workspaceId, key, sleepMs: req.body.sleepMs }, { tx, key: `${m.workspaceId}:${key}` })) enqueued++;
        }
      });
      return reply.status(202).send({ enqueued });
    });

    app.get('/api/admin/workspaces/:workspace/probes', {
      schema: {
        tags: ['admin: system'],
        summary: 'Runs and results of probe jobs',
        params: Params,
        response: { 200: z.object({ probes: z.array(z.object({ key: z.string(), completedBy: z.number().nullable(), runs: z.array(z.object({ pid: z.number(), attempt: z.number(), finished: z.boolean() })) })) }) },
      },
    }, async (req) => {
      const m = await requireRole(db, req, req.params.workspace, 'viewer');
      return { probes: await probeReport(db, m.workspaceId) };
    });
  };
}
