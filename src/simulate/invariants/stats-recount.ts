// The dashboard recomputed from the raw rows (participants, helps, campaign_friends, rewards,
// campaign_tiers) in SQL, with the domain's formulas for completion, funnel, levels and rates —
// never from the trigger-kept counters the dashboard itself reads. Set-based, so it also runs on
// generated campaigns with millions of rows.
import type { Queryable } from '../../db/client.ts';
import { completionRate, retentionRate } from '../../domain/shared/rates.ts';
import { levelBucket, levelBuckets, type LevelBucket } from '../../domain/shared/levels.ts';
import { INVALID_HELP_REASONS, type InvalidHelpReason } from '../../domain/task-fission/help-validation.ts';
import { stockLeft } from '../../domain/task-fission/stock.ts';
import type { CampaignStats, DailyStats } from '../../modules/campaign/get-campaign-stats.ts';
import { shanghaiDay } from '../../modules/campaign/shanghai-day.ts';

const DAY = (col: string) => `(${col} AT TIME ZONE 'Asia/Shanghai')::date::text`;

/** `today`: the Asia/Shanghai day (YYYY-MM-DD) of the `today` figures, by default the current one. */
export async function recountCampaignStats(q: Queryable, campaignId: number, today = shanghaiDay(new Date())): Promise<CampaignStats> {
  const tiers = (await q.query<{ tierNo: number; target: number; stockTotal: number }>(
    `SELECT tier_no AS "tierNo", target, stock_total AS "stockTotal" FROM campaign_tiers WHERE campaign_id = $1 ORDER BY tier_no`, [campaignId])).rows;

  // Completed tiers from the count and the rewards won (domain funnel.ts: won, or count ≥ target).
  const parts = `WITH p AS (
      SELECT p.valid_helps, p.level, p.joined_at, p.completed_at,
             (SELECT coalesce(bit_or(1 << (t.tier_no - 1)), 0) FROM campaign_tiers t
               WHERE t.campaign_id = p.campaign_id
                 AND (p.valid_helps >= t.target OR EXISTS (SELECT 1 FROM rewards r WHERE r.participant_id = p.id AND r.tier_no = t.tier_no))) AS mask
        FROM participants p WHERE p.campaign_id = $1)`;
  const totals = (await q.query<Record<string, number>>(
    `${parts} SELECT count(*)::int AS participants,
        count(*) FILTER (WHERE ${DAY('joined_at')} = $2)::int AS participants_today,
        count(*) FILTER (WHERE mask & 1 <> 0)::int AS completed,
        count(*) FILTER (WHERE mask & 1 <> 0 AND ${DAY('completed_at')} = $2)::int AS completed_today,
        count(*) FILTER (WHERE mask & 1 = 0 AND valid_helps > 0)::int AS shared_not_completed,
        count(*) FILTER (WHERE mask & 1 = 0 AND valid_helps = 0)::int AS not_shared,
        ${[1, 2, 3, 4, 5].map((t) => `count(*) FILTER (WHERE mask & ${1 << (t - 1)} <> 0)::int AS tier${t}`).join(', ')}
      FROM p`, [campaignId, today])).rows[0]!;
  const levels = (await q.query<{ level: number; n: number }>(
    `SELECT level, count(*)::int AS n FROM participants WHERE campaign_id = $1 GROUP BY level`, [campaignId])).rows;
  const rewards = (await q.query<{ tierNo: number; status: string; n: number }>(
    `SELECT tier_no AS "tierNo", status, count(*)::int AS n FROM rewards WHERE campaign_id = $1 GROUP BY 1, 2`, [campaignId])).rows;
  const helps = (await q.query<{ status: string; reason: string | null; n: number }>(
    `SELECT status, invalid_reason AS reason, count(*)::int AS n FROM helps WHERE campaign_id = $1 GROUP BY 1, 2`, [campaignId])).rows;
  const friends = (await q.query<Record<string, number>>(
    `SELECT count(*) FILTER (WHERE is_new_customer)::int AS new,
            count(*) FILTER (WHERE is_new_customer AND ${DAY('added_at')} = $2)::int AS new_today,
            count(*) FILTER (WHERE is_new_customer AND lost_at IS NOT NULL)::int AS lost,
            count(*) FILTER (WHERE is_new_customer AND ${DAY('lost_at')} = $2)::int AS lost_today
       FROM campaign_friends WHERE campaign_id = $1`, [campaignId, today])).rows[0]!;
  const daily = (await q.query<{ day: string | null; metric: keyof Omit<DailyStats, 'day'>; n: number }>(
    `${parts}
     SELECT ${DAY('joined_at')} AS day, 'participants' AS metric, count(*)::int AS n FROM p GROUP BY 1
     UNION ALL SELECT ${DAY('completed_at')}, 'completed', count(*)::int FROM p WHERE mask & 1 <> 0 GROUP BY 1
     UNION ALL SELECT ${DAY('added_at')}, 'newFriends', count(*)::int FROM campaign_friends WHERE campaign_id = $1 AND is_new_customer GROUP BY 1
     UNION ALL SELECT ${DAY('lost_at')}, 'lostFriends', count(*)::int FROM campaign_friends WHERE campaign_id = $1 AND is_new_customer AND lost_at IS NOT NULL GROUP BY 1
     UNION ALL SELECT ${DAY('created_at')}, 'validHelps', count(*)::int FROM helps WHERE campaign_id = $1 AND status = 'valid' GROUP BY 1`,
    [campaignId])).rows;

  const helpCount = (status: string, reason: string | null = null) => helps.filter((h) => h.status === status && h.reason === reason).reduce((a, h) => a + h.n, 0);
  const invalid = Object.fromEntries(INVALID_HELP_REASONS.map((r) => [r, helpCount('invalid', r)])) as Record<InvalidHelpReason, number>;
  const byBucket = new Map<LevelBucket, number>(levelBuckets().map((b) => [b, 0]));
  for (const l of levels) byBucket.set(levelBucket(l.level), byBucket.get(levelBucket(l.level))! + l.n);
  const days = new Map<string, DailyStats>();
  for (const d of daily) {
    // A completion without completed_at has no day; completed.total shows the difference.
    if (d.day === null) continue;
    const row = days.get(d.day) ?? { day: d.day, participants: 0, completed: 0, newFriends: 0, lostFriends: 0, validHelps: 0 };
    row[d.metric] += d.n;
    days.set(d.day, row);
  }

  const participants = { total: totals.participants!, today: totals.participants_today! };
  const completed = { total: totals.completed!, today: totals.completed_today! };
  return {
    today,
    participants,
    completed: { ...completed, rate: completionRate(completed.total, participants.total) },
    funnel: { participants: participants.total, not_shared: totals.not_shared!, shared_not_completed: totals.shared_not_completed!, completed: completed.total },
    tiers: tiers.map((t) => {
      const of = (s: string) => rewards.find((r) => r.tierNo === t.tierNo && r.status === s)?.n ?? 0;
      const [reserved, claimed, issued] = [of('reserved'), of('claimed'), of('issued')];
      const won = reserved + claimed + issued;
      return { tierNo: t.tierNo, target: t.target, completed: totals[`tier${t.tierNo}`]!, won, reserved, claimed, issued, stockTotal: t.stockTotal, stockLeft: stockLeft(t.stockTotal, won) };
    }),
    helps: { valid: helpCount('valid'), revoked: helpCount('revoked'), invalid, invalidTotal: Object.values(invalid).reduce((a, b) => a + b, 0) },
    friends: {
      new: { total: friends.new!, today: friends.new_today! },
      lost: { total: friends.lost!, today: friends.lost_today! },
      retention: { total: retentionRate(friends.new!, friends.lost!), today: retentionRate(friends.new_today!, friends.lost_today!) },
    },
    levels: [...byBucket].map(([level, n]) => ({ level, participants: n })),
    daily: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)),
  };
}
