// The activity code operators publish (seed 000 三(一) 方式一): as data, and as the PNG to download.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../../db/client.ts';
import type { Config } from '../../../config.ts';
import type { JobQueue } from '../../../jobs/queue.ts';
import { fetchActivityCodeImage, getActivityCode } from '../../../modules/fission/get-activity-code.ts';
import { requireRole } from '../../auth.ts';
import { CampaignParams } from './campaigns-schemas.ts';

const tags = ['admin: campaigns'];
const base = '/api/admin/workspaces/:workspace/campaigns/:campaignId';

export function adminActivityCodeRoutes(db: Db, config: Config, jobs: JobQueue): FastifyPluginAsyncZod {
  const deps = { db, config, jobs };
  return async (app) => {
    app.get(`${base}/activity-code`, {
      schema: { tags, summary: 'The activity code: WeCom contact-way QR without an inviter', params: CampaignParams, response: { 200: z.object({ configId: z.string(), qrUrl: z.string(), state: z.string(), pngUrl: z.string() }) } },
    }, async (req) => {
      const m = await requireRole(db, req, req.params.workspace, 'viewer');
      const code = await getActivityCode(deps, m.workspaceId, req.params.campaignId);
      return { ...code, pngUrl: `${config.publicUrl}/api/admin/workspaces/${m.slug}/campaigns/${req.params.campaignId}/activity-code.png` };
    });

    app.get(`${base}/activity-code.png`, {
      schema: { tags, summary: 'The activity code as a PNG download', params: CampaignParams },
    }, async (req, reply) => {
      const m = await requireRole(db, req, req.params.workspace, 'viewer');
      const img = await fetchActivityCodeImage(await getActivityCode(deps, m.workspaceId, req.params.campaignId));
      return reply
        .header('content-type', img.contentType)
        .header('content-disposition', `attachment; filename="activity-code-${req.params.campaignId}.png"`)
        .header('cache-control', 'private, max-age=300')
        .send(img.bytes);
    });
  };
}
