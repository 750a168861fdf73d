// Participant funnel for the stats page (seed 000 §5.3):
//   not_shared            参与但未推广: 0 valid helps
//   shared_not_completed  推广但未完成: some helps, tier 1 not reached
//   completed             完成任务: reached tier 1's target (邀请人数 ≥ N). Someone who won tier 1
//                         and later lost helpers under 'deduct' still counts as completed.

export const FUNNEL_BUCKETS = ['not_shared', 'shared_not_completed', 'completed'] as const;
export type FunnelBucket = (typeof FUNNEL_BUCKETS)[number];

export interface FunnelParticipant {
  validHelps: number;
  wonTier1: boolean;
}

export function isCompleted(p: FunnelParticipant, tier1Target: number): boolean {
  return p.wonTier1 || p.validHelps >= tier1Target;
}

export function funnelBucket(p: FunnelParticipant, tier1Target: number): FunnelBucket {
  if (!Number.isSafeInteger(tier1Target) || tier1Target < 1) throw new RangeError(`tier 1 target must be a positive integer, got ${tier1Target}`);
  if (isCompleted(p, tier1Target)) return 'completed';
  return p.validHelps > 0 ? 'shared_not_completed' : 'not_shared';
}

export type FunnelCounts = Record<FunnelBucket, number> & { participants: number };

export function funnelCounts(participants: Iterable<FunnelParticipant>, tier1Target: number): FunnelCounts {
  const counts: FunnelCounts = { participants: 0, not_shared: 0, shared_not_completed: 0, completed: 0 };
  for (const p of participants) {
    counts[funnelBucket(p, tier1Target)]++;
    counts.participants++;
  }
  return counts;
}
