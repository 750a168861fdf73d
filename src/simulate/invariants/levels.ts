// Fission levels: 1 exactly for participants without an inviter, otherwise the inviter's level + 1.
import type { Queryable } from '../../db/client.ts';
import { violationsOf, type Violation } from './invariant-types.ts';

export const LEVELS = 'level_is_inviter_level_plus_one';

export async function checkLevels(q: Queryable, campaignId: number): Promise<Violation[]> {
  const r = await q.query<{ id: number; level: number; inviterLevel: number | null; total: number }>(
    `SELECT p.id, p.level, i.level AS "inviterLevel", count(*) OVER ()::int AS total
       FROM participants p LEFT JOIN participants i ON i.campaign_id = p.campaign_id AND i.id = p.inviter_id
      WHERE p.campaign_id = $1
        AND CASE WHEN p.inviter_id IS NULL THEN p.level <> 1 ELSE i.id IS NULL OR p.level <> i.level + 1 END
      ORDER BY p.id LIMIT 10`,
    [campaignId],
  );
  return violationsOf(LEVELS, r.rows.map((x) => (x.inviterLevel === null
    ? `participant ${x.id}: level ${x.level} without an inviter`
    : `participant ${x.id}: level ${x.level}, inviter's level ${x.inviterLevel}`)), r.rows[0]?.total ?? 0);
}
