import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../../db/client.ts';
import { listParticipants, PARTICIPANT_SORTS } from '../../../modules/participant/list-participants.ts';
import { getParticipant } from '../../../modules/participant/get-participant.ts';
import { REWARD_STATUSES } from '../../../modules/reward/reward-row.ts';
import { requireRole } from '../../auth.ts';
import { CampaignParams, HelpView, inQuery, pageOf, PageQuery, ParticipantParams, ParticipantSummaryView, RewardView } from './campaigns-schemas.ts';

const tags = ['admin: participants'];
const base = '/api/admin/workspaces/:workspace/campaigns/:campaignId/participants';

const ListQuery = PageQuery.extend({
  friendStatus: z.enum(['friend', 'lost']).optional(),
  completedTier: z.coerce.number().int().min(1).max(5).optional().describe('only those who completed this tier'),
  rewardStatus: z.enum([...REWARD_STATUSES, 'none']).optional().describe('none: no reward won yet'),
  search: z.string().trim().min(1).max(64).optional().describe('any part of the nickname (any case), or an exact external_userid'),
  sort: z.enum(PARTICIPANT_SORTS).default('recent').describe('recent: newest first; helps: most valid helps first'),
});

const ListItem = ParticipantSummaryView.extend({ rewards: z.array(RewardView.pick({ id: true, tierNo: true, status: true, reward: true, claimForm: true })) });

const Detail = ParticipantSummaryView.extend({
  inviterChain: z.array(z.object({ id: z.number().int(), nickname: z.string(), avatar: z.string().nullable(), level: z.number().int() })).describe('nearest inviter first'),
  invitees: z.number().int(),
  downline: z.array(z.object({ id: z.number().int(), inviterId: z.number().int(), nickname: z.string(), level: z.number().int(), validHelps: z.number().int() }))
    .describe('the people they brought in and theirs, 3 levels deep, level by level, at most 150'),
  downlineTruncated: z.boolean().describe('more people below than downline holds'),
  helps: z.object({ valid: z.number().int(), revoked: z.number().int(), invalid: z.number().int(), recent: z.array(HelpView) }),
  rewards: z.array(RewardView),
});

export function adminParticipantRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(base, {
      schema: { tags, summary: 'Participants with filters, in keyset pages', params: CampaignParams, querystring: ListQuery, response: { 200: pageOf(ListItem) } },
    }, async (req) => {
      const m = await requireRole(db, req, req.params.workspace, 'viewer');
      return inQuery(() => listParticipants(db, m.workspaceId, req.params.campaignId, req.query));
    });

    app.get(`${base}/:participantId`, {
      schema: { tags, summary: 'One participant: inviter chain, helpers, rewards', params: ParticipantParams, response: { 200: Detail } },
    }, async (req) => {
      const m = await requireRole(db, req, req.params.workspace, 'viewer');
      return getParticipant(db, m.workspaceId, req.params.campaignId, req.params.participantId);
    });
  };
}
