// The participant's own page (seed 000 「成功邀请助力页面」): progress, the next tier, who helped,
// their help link (the poster comes later: posterUrl stays null until the poster routes exist),
// and their prizes with how to claim each.
import type { Config } from '../../config.ts';
import type { Queryable } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import { nextTier, type NextTier } from '../../domain/task-fission/progress.ts';
import { claimMethod, type ClaimMethod, type ServiceContact } from '../../domain/task-fission/reward.ts';
import type { AddressForm } from '../../domain/shared/address-form.ts';
import { rewardsOfParticipants, type RewardStatus } from '../reward/reward-row.ts';
import { findFlowCampaign } from './flow-campaign.ts';
import type { FlowParticipant } from './flow-participant.ts';
import { helpUrl, linkSecret } from './links.ts';
import { publicCampaign, type PublicCampaign } from './public-campaign.ts';

export const HELPERS_SHOWN = 50;

export interface MyPage {
  campaign: PublicCampaign;
  me: { id: number; nickname: string; avatar: string | null; level: number; validHelps: number; friendStatus: 'friend' | 'lost' };
  nextTier: NextTier | null;
  helpers: Array<{ nickname: string; avatar: string | null; status: 'valid' | 'invalid' | 'revoked'; invalidReason: string | null; at: Date }>;
  helpUrl: string;
  /** The personal poster; null until posters are served. */
  posterUrl: string | null;
  rewards: Array<{
    tierNo: number; name: string; type: string; status: RewardStatus; claimMethod: ClaimMethod;
    redeemCode: string | null; address: AddressForm | null;
    /** Which kind of customer-service contact; the QR itself comes from GET /api/h5/me/rewards/:tierNo/service-qr. */
    contact: { type: ServiceContact['type'] } | null;
    wonAt: Date;
  }>;
}

export async function getMyPage(q: Queryable, config: Config, me: FlowParticipant, now = new Date()): Promise<MyPage> {
  const c = await findFlowCampaign(q, me.workspaceId, me.campaignId, now);
  if (!c) throw notFound(`campaign ${me.campaignId}`);
  const rewards = await rewardsOfParticipants(q, c.id, [me.id]);
  const helpers = await q.query<MyPage['helpers'][number]>(
    `SELECT helper_nickname AS nickname, helper_avatar AS avatar, status, invalid_reason AS "invalidReason", created_at AS at
     FROM helps WHERE campaign_id = $1 AND inviter_id = $2 ORDER BY id DESC LIMIT $3`,
    [c.id, me.id, HELPERS_SHOWN],
  );
  return {
    campaign: publicCampaign(c),
    me: { id: me.id, nickname: me.nickname, avatar: me.avatar, level: me.level, validHelps: me.validHelps, friendStatus: me.friendStatus },
    nextTier: nextTier(c.tiers, me.validHelps, rewards.map((r) => r.tierNo)),
    helpers: helpers.rows,
    helpUrl: helpUrl(config, await linkSecret(q), c.id, me.id),
    posterUrl: null,
    rewards: rewards.map((r) => ({
      tierNo: r.tierNo, name: r.reward.name, type: r.reward.type, status: r.status, claimMethod: claimMethod(r.reward),
      redeemCode: r.redeemCode, address: r.claimForm, contact: 'contact' in r.reward ? { type: r.reward.contact.type } : null, wonAt: r.createdAt,
    })),
  };
}
