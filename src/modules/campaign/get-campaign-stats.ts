// The campaign dashboard (seed 000 §5): today and all-time figures, tiers, helps, friends, levels,
// funnel and a daily trend. Counts come from the trigger-kept counters; rates, level buckets and
// stock left from the domain formulas.
import type { Queryable } from '../../db/client.ts';
import { completionRate, retentionRate } from '../../domain/shared/rates.ts';
import { levelBucket, levelBuckets, type LevelBucket } from '../../domain/shared/levels.ts';
import { FUNNEL_BUCKETS, type FunnelCounts } from '../../domain/task-fission/funnel.ts';
import { INVALID_HELP_REASONS, type InvalidHelpReason } from '../../domain/task-fission/help-validation.ts';
import { loadCampaignView } from './campaign-view.ts';
import { shanghaiDay } from './shanghai-day.ts';
import { readStatCounters, type StatCounters } from './stat-counters.ts';

interface TodayAndTotal {
  total: number;
  today: number;
}

export interface TierStats {
  tierNo: number;
  target: number;
  /** Participants who completed the tier (won it, or have at least its target in valid helps). */
  completed: number;
  /** Rewards won, by status; won = reserved + claimed + issued. */
  won: number;
  reserved: number;
  claimed: number;
  issued: number;
  stockTotal: number;
  stockLeft: number;
}

export interface DailyStats {
  day: string;
  participants: number;
  completed: number;
  newFriends: number;
  lostFriends: number;
  validHelps: number;
}

export interface CampaignStats {
  /** Asia/Shanghai day the `today` figures are for. */
  today: string;
  participants: TodayAndTotal;
  /** 完成任务: tier 1 completed; today = those whose first completion fell on today. */
  completed: TodayAndTotal & { rate: number | null };
  funnel: FunnelCounts;
  tiers: TierStats[];
  helps: { valid: number; revoked: number; invalid: Record<InvalidHelpReason, number>; invalidTotal: number };
  friends: { new: TodayAndTotal; lost: TodayAndTotal; retention: { total: number | null; today: number | null } };
  levels: { level: LevelBucket; participants: number }[];
  daily: DailyStats[];
}

export async function getCampaignStats(q: Queryable, workspaceId: string, campaignId: number, now = new Date()): Promise<CampaignStats> {
  const campaign = await loadCampaignView(q, workspaceId, campaignId, now);
  const c = (await readStatCounters(q, [campaignId])).get(campaignId)!;
  const today = shanghaiDay(now);
  const both = (metric: string): TodayAndTotal => ({ total: c.total(metric), today: c.onDay(metric, today) });

  const participants = both('participants');
  const completed = both('completed');
  const newFriends = both('friends:new');
  const lostFriends = both('friends:lost');
  const invalid = Object.fromEntries(INVALID_HELP_REASONS.map((r) => [r, c.total(`helps:invalid:${r}`)])) as Record<InvalidHelpReason, number>;

  return {
    today,
    participants,
    completed: { ...completed, rate: completionRate(completed.total, participants.total) },
    funnel: funnelOf(c),
    tiers: campaign.tiers.map((t) => {
      const [reserved, claimed, issued] = (['reserved', 'claimed', 'issued'] as const).map((s) => c.total(`rewards:${s}:${t.tierNo}`)) as [number, number, number];
      return {
        tierNo: t.tierNo, target: t.target, completed: c.total(`tier_completed:${t.tierNo}`),
        won: reserved + claimed + issued, reserved, claimed, issued, stockTotal: t.stockTotal, stockLeft: t.stockLeft,
      };
    }),
    helps: {
      valid: c.total('helps:valid'),
      revoked: c.total('helps:revoked'),
      invalid,
      invalidTotal: Object.values(invalid).reduce((a, b) => a + b, 0),
    },
    friends: {
      new: newFriends,
      lost: lostFriends,
      retention: { total: retentionRate(newFriends.total, lostFriends.total), today: retentionRate(newFriends.today, lostFriends.today) },
    },
    levels: levelsOf(c),
    daily: c.days().map((day) => ({
      day,
      participants: c.onDay('participants', day),
      completed: c.onDay('completed', day),
      newFriends: c.onDay('friends:new', day),
      lostFriends: c.onDay('friends:lost', day),
      validHelps: c.onDay('helps:valid', day),
    })),
  };
}

function funnelOf(c: StatCounters): FunnelCounts {
  const counts = { participants: c.total('participants') } as FunnelCounts;
  for (const bucket of FUNNEL_BUCKETS) counts[bucket] = c.total(`funnel:${bucket}`);
  return counts;
}

function levelsOf(c: StatCounters): { level: LevelBucket; participants: number }[] {
  const byBucket = new Map<LevelBucket, number>(levelBuckets().map((b) => [b, 0]));
  for (const metric of c.metrics('level:')) {
    const bucket = levelBucket(Number(metric.slice('level:'.length)));
    byBucket.set(bucket, (byBucket.get(bucket) ?? 0) + c.total(metric));
  }
  return [...byBucket].map(([level, participants]) => ({ level, participants }));
}
