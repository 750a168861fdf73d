// A won tier as stored in `rewards`.
import type { Queryable } from '../../db/client.ts';
import type { Reward } from '../../domain/task-fission/reward.ts';
import type { AddressForm } from '../../domain/shared/address-form.ts';

export const REWARD_STATUSES = ['reserved', 'claimed', 'issued'] as const;
export type RewardStatus = (typeof REWARD_STATUSES)[number];

export interface RewardRow {
  id: number;
  campaignId: number;
  participantId: number;
  tierNo: number;
  status: RewardStatus;
  /** The tier's reward as configured when it was won. */
  reward: Reward;
  claimForm: AddressForm | null;
  claimedAt: Date | null;
  redeemCode: string | null;
  issuedAt: Date | null;
  issuedBy: string | null;
  createdAt: Date;
}

export const REWARD_COLUMNS = `r.id, r.campaign_id AS "campaignId", r.participant_id AS "participantId", r.tier_no AS "tierNo", r.status,
  r.reward, r.claim_form AS "claimForm", r.claimed_at AS "claimedAt", r.redeem_code AS "redeemCode", r.issued_at AS "issuedAt",
  r.issued_by AS "issuedBy", r.created_at AS "createdAt"`;

export async function findReward(q: Queryable, participantId: number, tierNo: number, opts: { forUpdate?: boolean } = {}): Promise<RewardRow | null> {
  const r = await q.query<RewardRow>(
    `SELECT ${REWARD_COLUMNS} FROM rewards r WHERE r.participant_id = $1 AND r.tier_no = $2 ${opts.forUpdate ? 'FOR UPDATE' : ''}`,
    [participantId, tierNo],
  );
  return r.rows[0] ?? null;
}

export async function rewardsOfParticipants(q: Queryable, campaignId: number, participantIds: readonly number[]): Promise<RewardRow[]> {
  const r = await q.query<RewardRow>(
    `SELECT ${REWARD_COLUMNS} FROM rewards r WHERE r.campaign_id = $1 AND r.participant_id = ANY($2::bigint[]) ORDER BY r.participant_id, r.tier_no`,
    [campaignId, participantIds],
  );
  return r.rows;
}
