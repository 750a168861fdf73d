// Awards tier `tierNo` to a participant if its stock lasts. The stock unit is taken by one atomic
// UPDATE guarded by `stock_reserved < stock_total`, so concurrent winners can never oversell; a
// redeem_code tier also needs a free code, or nothing is awarded. Call inside the transaction that
// records the progress which reached the tier.
import type { Queryable } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import type { CampaignConfig } from '../../domain/task-fission/campaign-config.ts';
import { assignRedeemCode } from './assign-redeem-code.ts';
import { findReward, type RewardRow } from './reward-row.ts';

/** The participant's reward for the tier (also when won before), or null when it cannot be awarded now. */
export async function reserveReward(tx: Queryable, participantId: number, tierNo: number): Promise<RewardRow | null> {
  const existing = await findReward(tx, participantId, tierNo);
  if (existing) return existing;

  const p = await tx.query<{ workspaceId: string; campaignId: number; config: CampaignConfig }>(
    `SELECT p.workspace_id AS "workspaceId", p.campaign_id AS "campaignId", c.config
     FROM participants p JOIN campaigns c ON c.id = p.campaign_id WHERE p.id = $1`,
    [participantId],
  );
  const found = p.rows[0];
  if (!found) throw notFound(`participant ${participantId}`);
  const { workspaceId, campaignId, config } = found;
  const tier = Number.isInteger(tierNo) ? config.tiers[tierNo - 1] : undefined;
  if (!tier) throw notFound(`tier ${tierNo} of campaign ${campaignId}`);

  const took = await tx.query<{ left: number }>(
    `UPDATE campaign_tiers SET stock_reserved = stock_reserved + 1
     WHERE campaign_id = $1 AND tier_no = $2 AND stock_reserved < stock_total
     RETURNING stock_total - stock_reserved AS left`,
    [campaignId, tierNo],
  );
  if (!took.rows.length) return null;

  const inserted = await tx.query<{ id: number }>(
    `INSERT INTO rewards (workspace_id, campaign_id, participant_id, tier_no, reward) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (participant_id, tier_no) DO NOTHING RETURNING id`,
    [workspaceId, campaignId, participantId, tierNo, JSON.stringify(tier.reward)],
  );
  const rewardId = inserted.rows[0]?.id;
  if (rewardId === undefined) {
    // A concurrent call for the same participant and tier won first: give the unit back.
    await releaseUnit(tx, campaignId, tierNo);
    return findReward(tx, participantId, tierNo);
  }
  if (tier.reward.type === 'redeem_code' && (await assignRedeemCode(tx, rewardId)) === null) {
    await tx.query(`DELETE FROM rewards WHERE id = $1`, [rewardId]);
    await releaseUnit(tx, campaignId, tierNo);
    return null;
  }
  if (took.rows[0]!.left === 0) await recordSoldOut(tx, campaignId);
  return findReward(tx, participantId, tierNo);
}

async function releaseUnit(tx: Queryable, campaignId: number, tierNo: number): Promise<void> {
  await tx.query(`UPDATE campaign_tiers SET stock_reserved = stock_reserved - 1 WHERE campaign_id = $1 AND tier_no = $2`, [campaignId, tierNo]);
}

// The status is derived from stock anyway; this records when it happened, for display and for the
// clean-up that follows a campaign's end.
async function recordSoldOut(tx: Queryable, campaignId: number): Promise<void> {
  await tx.query(
    `UPDATE campaigns SET ended_at = now(), end_reason = 'sold_out', updated_at = now()
     WHERE id = $1 AND ended_at IS NULL AND published_at IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM campaign_tiers WHERE campaign_id = $1 AND stock_reserved < stock_total)`,
    [campaignId],
  );
}
