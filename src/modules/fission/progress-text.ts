// "{progress}" in welcome texts: the count against the next goal, e.g. "2/5" (the last tier's
// target once every tier is won or passed).
import type { Queryable } from '../../db/client.ts';
import { nextTier } from '../../domain/task-fission/progress.ts';

export async function progressText(q: Queryable, campaign: { tiers: readonly { target: number }[] }, participantId: number, count: number): Promise<string> {
  const won = await q.query<{ tierNo: number }>(`SELECT tier_no AS "tierNo" FROM rewards WHERE participant_id = $1`, [participantId]);
  const next = nextTier(campaign.tiers, count, won.rows.map((r) => r.tierNo));
  const target = next?.target ?? campaign.tiers[campaign.tiers.length - 1]?.target ?? count;
  return `${count}/${target}`;
}
