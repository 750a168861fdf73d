// Operator tools around the task-fission flows: the corp's contact-way quota and its
// reconciliation (codes leaked by a crash), each campaign's welcome attempts (one per add event,
// with how it was delivered), and signed links that let a returning customer (already a friend, so
// WeCom sends no event) join or help from the H5 page.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../../config.ts';
import type { Db } from '../../../db/client.ts';
import { notFound } from '../../../errors.ts';
import { findFlowCampaign } from '../../../modules/fission/flow-campaign.ts';
import { getContactWayQuota } from '../../../modules/fission/get-contact-way-quota.ts';
import { getContactWayReconcile } from '../../../modules/fission/get-contact-way-reconcile.ts';
import { reconcileNow } from '../../../modules/fission/schedule-contact-way-reconcile.ts';
import type { JobQueue } from '../../../jobs/queue.ts';
import { issueCustomerLink } from '../../../modules/fission/issue-customer-link.ts';
import { listWelcomeAttempts } from '../../../modules/fission/welcome-attempt-row.ts';
import { requireRole } from '../../auth.ts';
import { CampaignParams, WorkspaceParams } from './campaigns-schemas.ts';

const tags = ['admin: fission flows'];
const base = '/api/admin/workspaces/:workspace';

const ReconcileFigures = z.object({
  lastStartedAt: z.date(), lastFinishedAt: z.date(),
  listed: z.number().int(), deleted: z.number().int(), keptForeign: z.number().int(), keptInFlight: z.number().int(),
});

export function adminFissionRoutes(db: Db, config: Config, jobs: JobQueue): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(`${base}/contact-way-quota`, {
      schema: { tags, summary: 'Contact ways in use against the corp quota of 500 000 (API-made contact and join ways)', params: WorkspaceParams, response: { 200: z.object({ live: z.number().int(), quota: z.number().int(), left: z.number().int() }) } },
    }, async (req) => {
      const m = await requireRole(db, req, req.params.workspace, 'viewer');
      return getContactWayQuota(db, m.workspaceId);
    });

    app.get(`${base}/contact-way-reconcile`, {
      schema: {
        tags, params: WorkspaceParams, response: { 200: z.object({ last: ReconcileFigures.nullable() }) },
        summary: 'The last finished reconciliation pass: codes listed at WeCom, leaked ones deleted, foreign and in-flight ones kept (viewer)',
      },
    }, async (req) => {
      const m = await requireRole(db, req, req.params.workspace, 'viewer');
      return { last: await getContactWayReconcile(db, m.workspaceId) };
    });

    app.post(`${base}/contact-way-reconcile`, {
      schema: {
        tags, params: WorkspaceParams, response: { 202: z.object({ queued: z.boolean() }) },
        summary: 'Start a reconciliation pass now (operator): deletes codes WeCom has with our state and mark but no live row here (made just before a crash). Runs daily anyway; `queued` false when one was already asked for this minute',
      },
    }, async (req, reply) => {
      const m = await requireRole(db, req, req.params.workspace, 'operator');
      return reply.status(202).send({ queued: await reconcileNow(db, jobs, m.workspaceId) });
    });

    app.get(`${base}/campaigns/:campaignId/welcome-attempts`, {
      schema: { tags, summary: 'One welcome attempt per add event: welcome code, group-send fallback, or why nothing was sent', params: CampaignParams },
    }, async (req) => {
      const m = await requireRole(db, req, req.params.workspace, 'viewer');
      if (!(await findFlowCampaign(db, m.workspaceId, req.params.campaignId, new Date()))) throw notFound(`campaign ${req.params.campaignId}`);
      return { attempts: await listWelcomeAttempts(db, m.workspaceId, req.params.campaignId) };
    });

    app.post(`${base}/campaigns/:campaignId/customer-links`, {
      schema: {
        tags, summary: 'A signed link for a returning customer to join or help on the H5 page (operator); whoever holds it acts as that customer',
        params: CampaignParams, body: z.object({ externalUserId: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'a WeCom external_userid') }),
        response: { 200: z.object({ token: z.string(), url: z.string() }) },
      },
    }, async (req) => {
      const m = await requireRole(db, req, req.params.workspace, 'operator');
      return issueCustomerLink(db, config, { workspaceId: m.workspaceId, campaignId: req.params.campaignId, externalUserId: req.body.externalUserId });
    });
  };
}
