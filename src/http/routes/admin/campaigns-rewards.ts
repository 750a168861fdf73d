import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../../db/client.ts';
import { loadCampaign } from '../../../modules/campaign/campaign-row.ts';
import { listRewards } from '../../../modules/reward/list-rewards.ts';
import { markRewardsIssued, rewardIdsSchema } from '../../../modules/reward/mark-rewards-issued.ts';
import { REWARD_STATUSES } from '../../../modules/reward/reward-row.ts';
import { requireRole } from '../../auth.ts';
import { CampaignParams, inBody, inQuery, pageOf, PageQuery, RewardView } from './campaigns-schemas.ts';

const tags = ['admin: rewards'];
const base = '/api/admin/workspaces/:workspace/campaigns/:campaignId/rewards';

const ListQuery = PageQuery.extend({
  status: z.enum(REWARD_STATUSES).optional(),
  tierNo: z.coerce.number().int().min(1).max(5).optional(),
});

const Item = RewardView.extend({ participant: z.object({ externalUserId: z.string(), nickname: z.string(), avatar: z.string().nullable() }) });

export function adminRewardRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(base, {
      schema: { tags, summary: 'Rewards won, newest first, with winner and delivery address', params: CampaignParams, querystring: ListQuery, response: { 200: pageOf(Item) } },
    }, async (req) => {
      const m = await requireRole(db, req, req.params.workspace, 'viewer');
      await loadCampaign(db, m.workspaceId, req.params.campaignId);
      return inQuery(() => listRewards(db, req.params.campaignId, req.query));
    });

    app.post(`${base}/issue`, {
      schema: {
        tags, summary: 'Mark rewards as issued, all or nothing (operator). Physical prizes need the winner’s address first (409)',
        params: CampaignParams, body: z.object({ rewardIds: rewardIdsSchema }).strict(),
        response: { 200: z.object({ issued: z.number().int(), alreadyIssued: z.number().int() }) },
      },
    }, async (req) => {
      const m = await requireRole(db, req, req.params.workspace, 'operator');
      return inBody(() => db.transaction(async (tx) => {
        await loadCampaign(tx, m.workspaceId, req.params.campaignId);
        return markRewardsIssued(tx, { workspaceId: m.workspaceId, campaignId: req.params.campaignId, rewardIds: req.body.rewardIds, issuedBy: m.user.id });
      }));
    });
  };
}
