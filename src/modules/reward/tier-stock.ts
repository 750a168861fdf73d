// Tier stock rows (campaign_tiers): written with the campaign's config, read by stats and lists.
import type { Queryable } from '../../db/client.ts';
import { stockLeft } from '../../domain/task-fission/stock.ts';

export interface TierStock {
  tierNo: number;
  target: number;
  stockTotal: number;
  stockReserved: number;
  stockLeft: number;
}

/** Stock of each tier, tier 1 first, for each campaign asked for. */
export async function loadTierStock(q: Queryable, campaignIds: readonly number[]): Promise<Map<number, TierStock[]>> {
  const r = await q.query<{ campaignId: number; tierNo: number; target: number; stockTotal: number; stockReserved: number }>(
    `SELECT campaign_id AS "campaignId", tier_no AS "tierNo", target, stock_total AS "stockTotal", stock_reserved AS "stockReserved"
     FROM campaign_tiers WHERE campaign_id = ANY($1::bigint[]) ORDER BY campaign_id, tier_no`,
    [campaignIds],
  );
  const out = new Map<number, TierStock[]>(campaignIds.map((id) => [id, []]));
  for (const { campaignId, ...t } of r.rows) out.get(campaignId)?.push({ ...t, stockLeft: stockLeft(t.stockTotal, t.stockReserved) });
  return out;
}

/**
 * Makes the tier rows match the config's tiers. Tiers beyond the new count are removed (only a
 * draft may change the count, and a draft has no rewards); the CHECK on stock_reserved refuses a
 * stock below what was reserved, which callers check first to name the field.
 */
export async function saveTierStock(q: Queryable, campaignId: number, tiers: readonly { target: number; stock: number }[]): Promise<void> {
  await q.query(`DELETE FROM campaign_tiers WHERE campaign_id = $1 AND tier_no > $2`, [campaignId, tiers.length]);
  await q.query(
    `INSERT INTO campaign_tiers (campaign_id, tier_no, target, stock_total)
     SELECT $1, t.ord, t.target, t.stock FROM unnest($2::int[], $3::int[]) WITH ORDINALITY AS t (target, stock, ord)
     ON CONFLICT (campaign_id, tier_no) DO UPDATE SET target = EXCLUDED.target, stock_total = EXCLUDED.stock_total`,
    [campaignId, tiers.map((t) => t.target), tiers.map((t) => t.stock)],
  );
}
