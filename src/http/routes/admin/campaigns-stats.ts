import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../../db/client.ts';
import { FUNNEL_BUCKETS } from '../../../domain/task-fission/funnel.ts';
import { INVALID_HELP_REASONS } from '../../../domain/task-fission/help-validation.ts';
import { getCampaignStats } from '../../../modules/campaign/get-campaign-stats.ts';
import { getCampaignHourlyStats } from '../../../modules/campaign/get-campaign-hourly-stats.ts';
import { requireRole } from '../../auth.ts';
import { CampaignParams } from './campaigns-schemas.ts';

const int = z.number().int();
const TodayAndTotal = z.object({ total: int, today: int });
const rate = z.number().nullable().describe('a fraction (0.25 = 25 %); null when its denominator is 0');

const Stats = z.object({
  today: z.string().describe('the Asia/Shanghai day of the `today` figures, YYYY-MM-DD'),
  participants: TodayAndTotal,
  completed: TodayAndTotal.extend({ rate }),
  funnel: z.object({ participants: int, ...Object.fromEntries(FUNNEL_BUCKETS.map((b) => [b, int])) }),
  tiers: z.array(z.object({
    tierNo: int, target: int, completed: int, won: int, reserved: int, claimed: int, issued: int, stockTotal: int, stockLeft: int,
  })),
  helps: z.object({ valid: int, revoked: int, invalid: z.object(Object.fromEntries(INVALID_HELP_REASONS.map((r) => [r, int]))), invalidTotal: int }),
  friends: z.object({ new: TodayAndTotal, lost: TodayAndTotal, retention: z.object({ total: rate, today: rate }) }),
  levels: z.array(z.object({ level: z.union([int, z.literal('other')]), participants: int })),
  daily: z.array(z.object({ day: z.string(), participants: int, completed: int, newFriends: int, lostFriends: int, validHelps: int })),
});

export function adminCampaignStatsRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/admin/workspaces/:workspace/campaigns/:campaignId/stats', {
      schema: { tags: ['admin: campaigns'], summary: 'Live dashboard: today and all-time figures, tiers, helps, friends, levels, funnel, daily trend', params: CampaignParams, response: { 200: Stats } },
    }, async (req) => {
      const m = await requireRole(db, req, req.params.workspace, 'viewer');
      return getCampaignStats(db, m.workspaceId, req.params.campaignId);
    });

    app.get('/api/admin/workspaces/:workspace/campaigns/:campaignId/stats/hourly', {
      schema: {
        tags: ['admin: campaigns'],
        summary: 'Trend by hour: the 24 hours of one Asia/Shanghai day (zeros included); the hours of a day add up to its `daily` row',
        params: CampaignParams,
        querystring: z.object({ day: z.string().optional().describe('YYYY-MM-DD, Asia/Shanghai; default today') }),
        response: { 200: z.object({ day: z.string(), hours: z.array(z.object({ hour: z.string().describe('YYYY-MM-DDTHH, Asia/Shanghai'), participants: int, completed: int, newFriends: int, lostFriends: int, validHelps: int })) }) },
      },
    }, async (req) => {
      const m = await requireRole(db, req, req.params.workspace, 'viewer');
      return getCampaignHourlyStats(db, m.workspaceId, req.params.campaignId, req.query.day);
    });
  };
}
