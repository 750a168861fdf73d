// Campaign lifecycle for operators: list, create, read, edit, publish, end early, delete, copy.
// Roles: viewers read; operators create, edit, publish, end and copy; owners delete (a deleted
// campaign's data is out of sight for everyone).
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../../db/client.ts';
import type { JobQueue } from '../../../jobs/queue.ts';
import { campaignConfigSchema } from '../../../domain/task-fission/campaign-config.ts';
import { createCampaign } from '../../../modules/campaign/create-campaign.ts';
import { updateCampaign } from '../../../modules/campaign/update-campaign.ts';
import { publishCampaign } from '../../../modules/campaign/publish-campaign.ts';
import { endCampaign } from '../../../modules/campaign/end-campaign.ts';
import { deleteCampaign } from '../../../modules/campaign/delete-campaign.ts';
import { copyCampaign } from '../../../modules/campaign/copy-campaign.ts';
import { getCampaign } from '../../../modules/campaign/get-campaign.ts';
import { listCampaigns } from '../../../modules/campaign/list-campaigns.ts';
import { afterCampaignChange } from '../../../modules/fission/after-campaign-change.ts';
import { enqueueCleanupOfDeleted } from '../../../modules/fission/enqueue-cleanup.ts';
import { onCampaignPublished } from '../../../modules/fission/on-campaign-published.ts';
import { requireRole } from '../../auth.ts';
import { CampaignListItem, CampaignParams, CampaignView, inBody, WorkspaceParams } from './campaigns-schemas.ts';

const tags = ['admin: campaigns'];
const base = '/api/admin/workspaces/:workspace/campaigns';
const IfMatch = z.object({
  'if-match': z.string().regex(/^"?\d{1,9}"?$/, 'the configVersion you edited').optional(),
});
const versionOf = (header: string | undefined) => (header === undefined ? undefined : Number(header.replaceAll('"', '')));

export function adminCampaignRoutes(db: Db, jobs: JobQueue): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(base, {
      schema: { tags, summary: 'Campaigns, newest first, with status, stock left, participants and completions', params: WorkspaceParams, response: { 200: z.object({ campaigns: z.array(CampaignListItem) }) } },
    }, async (req) => {
      const m = await requireRole(db, req, req.params.workspace, 'viewer');
      return { campaigns: await listCampaigns(db, m.workspaceId) };
    });

    app.post(base, {
      schema: { tags, summary: 'Create a draft campaign (operator)', params: WorkspaceParams, body: campaignConfigSchema, response: { 201: CampaignView } },
    }, async (req, reply) => {
      const m = await requireRole(db, req, req.params.workspace, 'operator');
      const view = await inBody(() => db.transaction((tx) => createCampaign(tx, { workspaceId: m.workspaceId, createdBy: m.user.id, config: req.body })));
      return reply.status(201).send(view);
    });

    app.get(`${base}/:campaignId`, {
      schema: { tags, summary: 'One campaign with its status, allowed actions and stock', params: CampaignParams, response: { 200: CampaignView } },
    }, async (req) => {
      const m = await requireRole(db, req, req.params.workspace, 'viewer');
      return getCampaign(db, m.workspaceId, req.params.campaignId);
    });

    app.put(`${base}/:campaignId`, {
      schema: {
        tags, summary: 'Replace the settings (operator). After publishing, targets, tier count, reward types and channel are frozen (409 naming the field)',
        params: CampaignParams, headers: IfMatch, body: campaignConfigSchema, response: { 200: CampaignView },
      },
    }, async (req) => {
      const m = await requireRole(db, req, req.params.workspace, 'operator');
      const input = { workspaceId: m.workspaceId, campaignId: req.params.campaignId, config: req.body, expectedVersion: versionOf(req.headers['if-match']) };
      return inBody(() => db.transaction(async (tx) => {
        const view = await updateCampaign(tx, input);
        await afterCampaignChange(tx, jobs, m.workspaceId, view);
        return view;
      }));
    });

    app.post(`${base}/:campaignId/publish`, {
      schema: { tags, summary: 'Publish a draft: scheduled before its start, running after (operator)', params: CampaignParams, response: { 200: CampaignView } },
    }, async (req) => {
      const m = await requireRole(db, req, req.params.workspace, 'operator');
      return db.transaction(async (tx) => {
        const view = await publishCampaign(tx, { workspaceId: m.workspaceId, campaignId: req.params.campaignId });
        await onCampaignPublished(tx, jobs, m.workspaceId, view);
        return view;
      });
    });

    app.post(`${base}/:campaignId/end`, {
      schema: { tags, summary: 'End a scheduled or running campaign now (operator)', params: CampaignParams, response: { 200: CampaignView } },
    }, async (req) => {
      const m = await requireRole(db, req, req.params.workspace, 'operator');
      return db.transaction(async (tx) => {
        const view = await endCampaign(tx, { workspaceId: m.workspaceId, campaignId: req.params.campaignId });
        await afterCampaignChange(tx, jobs, m.workspaceId, view);
        return view;
      });
    });

    app.post(`${base}/:campaignId/copy`, {
      schema: { tags, summary: 'Copy a campaign into a new draft (operator)', params: CampaignParams, response: { 201: CampaignView } },
    }, async (req, reply) => {
      const m = await requireRole(db, req, req.params.workspace, 'operator');
      const view = await db.transaction((tx) => copyCampaign(tx, { workspaceId: m.workspaceId, campaignId: req.params.campaignId, createdBy: m.user.id }));
      return reply.status(201).send(view);
    });

    app.delete(`${base}/:campaignId`, {
      schema: { tags, summary: 'Delete a draft or ended campaign (owner)', params: CampaignParams, response: { 204: z.null() } },
    }, async (req, reply) => {
      const m = await requireRole(db, req, req.params.workspace, 'owner');
      await db.transaction(async (tx) => {
        await deleteCampaign(tx, { workspaceId: m.workspaceId, campaignId: req.params.campaignId });
        await enqueueCleanupOfDeleted(tx, jobs, m.workspaceId, req.params.campaignId);
      });
      return reply.status(204).send(null);
    });
  };
}
