// Progress under the 'helpers' rule: the count of valid helps against the tier targets. Tiers are
// numbered from 1. A tier is awarded at most once, ever: the caller passes the tiers already won
// and a later drop in the count (churn) never takes a won tier back or lets it be won again.

export interface TierTarget {
  target: number;
}

/** Tiers the count reaches that were not won before, lowest first. */
export function newlyReachedTiers(tiers: readonly TierTarget[], validHelps: number, wonTiers: Iterable<number>): number[] {
  assertCount(validHelps);
  const won = new Set(wonTiers);
  const reached: number[] = [];
  tiers.forEach((tier, i) => {
    if (validHelps >= tier.target && !won.has(i + 1)) reached.push(i + 1);
  });
  return reached;
}

export interface NextTier {
  tier: number;
  target: number;
  stillNeeded: number;
}

/**
 * The tier to show as the next goal on the H5 progress page: the lowest tier not yet won whose
 * target is still ahead of the count. Null when nothing is left to aim for.
 */
export function nextTier(tiers: readonly TierTarget[], validHelps: number, wonTiers: Iterable<number>): NextTier | null {
  assertCount(validHelps);
  const won = new Set(wonTiers);
  for (const [i, tier] of tiers.entries()) {
    if (!won.has(i + 1) && tier.target > validHelps) return { tier: i + 1, target: tier.target, stillNeeded: tier.target - validHelps };
  }
  return null;
}

function assertCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`a help count is a non-negative integer, got ${n}`);
}
