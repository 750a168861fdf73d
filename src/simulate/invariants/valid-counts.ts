// Each participant's progress count equals their counted helps: valid ones, plus revoked ones when
// the campaign's churn policy is 'ignore' (domain churn.ts).
import type { Queryable } from '../../db/client.ts';
import { violationsOf, type Violation } from './invariant-types.ts';

export const VALID_COUNTS = 'valid_count_equals_counted_helps';

export async function checkValidCounts(q: Queryable, campaignId: number): Promise<Violation[]> {
  const r = await q.query<{ id: number; stored: number; counted: number; total: number }>(
    `WITH policy AS (SELECT config->'rules'->>'churnPolicy' AS churn FROM campaigns WHERE id = $1),
     counted AS (
       SELECT h.inviter_id, count(*)::int AS n FROM helps h, policy
        WHERE h.campaign_id = $1 AND (h.status = 'valid' OR (h.status = 'revoked' AND policy.churn = 'ignore'))
        GROUP BY h.inviter_id)
     SELECT p.id, p.valid_helps AS stored, coalesce(c.n, 0) AS counted, count(*) OVER ()::int AS total
       FROM participants p LEFT JOIN counted c ON c.inviter_id = p.id
      WHERE p.campaign_id = $1 AND p.valid_helps <> coalesce(c.n, 0)
      ORDER BY p.id LIMIT 10`,
    [campaignId],
  );
  return violationsOf(VALID_COUNTS, r.rows.map((x) => `participant ${x.id}: valid_helps ${x.stored}, counted helps ${x.counted}`), r.rows[0]?.total ?? 0);
}
