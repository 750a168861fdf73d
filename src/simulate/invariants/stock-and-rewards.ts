// Stock and rewards:
//   - rewards reserved never exceed a tier's stock, and the tier's reserved counter equals its rows;
//   - every completion has its reward record: a participant who completed a tier has its reward
//     unless that tier's stock ran out; nobody holds a reward for a tier they did not complete.
import type { Queryable } from '../../db/client.ts';
import { violationsOf, type Violation } from './invariant-types.ts';

export const STOCK = 'rewards_within_stock';
export const COMPLETION_REWARDS = 'every_completion_has_its_reward';

export async function checkStock(q: Queryable, campaignId: number): Promise<Violation[]> {
  const r = await q.query<{ tierNo: number; stockTotal: number; stockReserved: number; rewards: number }>(
    `SELECT t.tier_no AS "tierNo", t.stock_total AS "stockTotal", t.stock_reserved AS "stockReserved",
            (SELECT count(*)::int FROM rewards r WHERE r.campaign_id = t.campaign_id AND r.tier_no = t.tier_no) AS rewards
       FROM campaign_tiers t WHERE t.campaign_id = $1 ORDER BY t.tier_no`,
    [campaignId],
  );
  const out: string[] = [];
  for (const t of r.rows) {
    if (t.rewards > t.stockTotal) out.push(`tier ${t.tierNo}: ${t.rewards} rewards for a stock of ${t.stockTotal}`);
    if (t.rewards !== t.stockReserved) out.push(`tier ${t.tierNo}: stock_reserved ${t.stockReserved}, reward rows ${t.rewards}`);
  }
  return violationsOf(STOCK, out);
}

export async function checkCompletionRewards(q: Queryable, campaignId: number): Promise<Violation[]> {
  // completed: the stored mask says so, or the count reaches the target (stored mask drift is
  // caught by the stats recount); a missing reward is excused only by a sold-out tier.
  const r = await q.query<{ id: number; tierNo: number; problem: 'missing' | 'unearned'; total: number }>(
    `WITH pt AS (
       SELECT p.id, t.tier_no, t.stock_reserved >= t.stock_total AS sold_out,
              (p.completed_tiers & (1 << (t.tier_no - 1))) <> 0 OR p.valid_helps >= t.target AS completed,
              EXISTS (SELECT 1 FROM rewards r WHERE r.participant_id = p.id AND r.tier_no = t.tier_no) AS rewarded,
              p.valid_helps >= t.target AS reached
         FROM participants p JOIN campaign_tiers t ON t.campaign_id = p.campaign_id
        WHERE p.campaign_id = $1)
     SELECT id, tier_no AS "tierNo", CASE WHEN rewarded THEN 'unearned' ELSE 'missing' END AS problem, count(*) OVER ()::int AS total
       FROM pt
      WHERE (reached AND NOT rewarded AND NOT sold_out) OR (rewarded AND NOT completed)
      ORDER BY id, tier_no LIMIT 10`,
    [campaignId],
  );
  return violationsOf(COMPLETION_REWARDS, r.rows.map((x) => (x.problem === 'missing'
    ? `participant ${x.id} reached tier ${x.tierNo} (stock left) but has no reward`
    : `participant ${x.id} holds a tier ${x.tierNo} reward without completing it`)), r.rows[0]?.total ?? 0);
}
