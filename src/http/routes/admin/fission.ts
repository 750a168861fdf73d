// Operator tools around the task-fission flows: the corp's contact-way quota, each campaign's
// welcome attempts (one per add event, with how it was delivered), and signed links that let a
// returning customer (already a friend, so WeCom sends no event) join or help from the H5 page.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../../config.ts';
import type { Db } from '../../../db/client.ts';
import { notFound } from '../../../errors.ts';
import { findFlowCampaign } from '../../../modules/fission/flow-campaign.ts';
import { getContactWayQuota } from '../../../modules/fission/get-contact-way-quota.ts';
import { issueCustomerLink } from '../../../modules/fission/issue-customer-link.ts';
import { listWelcomeAttempts } from '../../../modules/fission/welcome-attempt-row.ts';
import { requireRole } from '../../auth.ts';
import { CampaignParams, WorkspaceParams } from './campaigns-schemas.ts';

const tags = ['admin: fission flows'];
const base = '/api/admin/workspaces/:workspace';

export function adminFissionRoutes(db: Db, config: Config): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(`${base}/contact-way-quota`, {
      schema: { tags, summary: 'Contact ways in use against the corp quota of 500 000 (API-made contact and join ways)', params: WorkspaceParams, response: { 200: z.object({ live: z.number().int(), quota: z.number().int(), left: z.number().int() }) } },
    }, async (req) => {
      const m = await requireRole(db, req, req.params.workspace, 'viewer');
      return getContactWayQuota(db, m.workspaceId);
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
