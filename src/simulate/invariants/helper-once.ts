// No helper is counted twice for one inviter: at most one valid-or-revoked help per (inviter,
// helper). (A unique index says so too; this checks the rows, whatever the schema of the day.)
import type { Queryable } from '../../db/client.ts';
import { violationsOf, type Violation } from './invariant-types.ts';

export const HELPER_ONCE = 'helper_counted_once_per_inviter';

export async function checkHelperOnce(q: Queryable, campaignId: number): Promise<Violation[]> {
  const r = await q.query<{ inviterId: number; helper: string; n: number; total: number }>(
    `SELECT inviter_id AS "inviterId", helper_external_userid AS helper, count(*)::int AS n, count(*) OVER ()::int AS total
       FROM helps WHERE campaign_id = $1 AND status <> 'invalid'
      GROUP BY inviter_id, helper_external_userid HAVING count(*) > 1
      ORDER BY inviter_id LIMIT 10`,
    [campaignId],
  );
  return violationsOf(HELPER_ONCE, r.rows.map((x) => `helper ${x.helper} counted ${x.n} times for participant ${x.inviterId}`), r.rows[0]?.total ?? 0);
}
