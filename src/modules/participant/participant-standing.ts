// A participant's standing derived from their progress count and the tiers they won, with the
// domain rules (funnel.ts): tier n is completed when it was won or the count reaches its target;
// the funnel bucket is tier 1's. Stored on the participant row so triggers can count it.
import { funnelBucket, isCompleted, type FunnelBucket } from '../../domain/task-fission/funnel.ts';

export interface Standing {
  /** Bit n-1 set when tier n is completed. */
  completedTiers: number;
  funnel: FunnelBucket;
}

export function participantStanding(tiers: readonly { target: number }[], validHelps: number, wonTiers: Iterable<number>): Standing {
  const won = new Set(wonTiers);
  let completedTiers = 0;
  tiers.forEach((tier, i) => {
    if (isCompleted({ validHelps, wonTier1: won.has(i + 1) }, tier.target)) completedTiers |= 1 << i;
  });
  const tier1 = tiers[0];
  if (!tier1) throw new RangeError('a campaign has at least one tier');
  return { completedTiers, funnel: funnelBucket({ validHelps, wonTier1: won.has(1) }, tier1.target) };
}

/** Tier numbers (1-based) set in a completed-tiers mask. */
export function tiersInMask(mask: number): number[] {
  const tiers: number[] = [];
  for (let n = 1; n <= 5; n++) if (mask & (1 << (n - 1))) tiers.push(n);
  return tiers;
}
