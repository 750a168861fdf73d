// Prize stock per tier. The atomic reservation is an SQL `UPDATE … SET stock_left = stock_left - 1
// WHERE stock_left > 0`; this file states the same rules for code that reasons about them.
import type { FieldError } from '../../errors.ts';

export function canReserve(stockLeft: number): boolean {
  return stockLeft > 0;
}

export function stockLeft(stock: number, awarded: number): number {
  return Math.max(0, stock - awarded);
}

export function totalStockLeft(stockLeftByTier: readonly number[]): number {
  return stockLeftByTier.reduce((sum, left) => sum + Math.max(0, left), 0);
}

/** The whole campaign is sold out when every tier is (it then ends, see campaign-status.ts). */
export function isSoldOut(stockLeftByTier: readonly number[]): boolean {
  return stockLeftByTier.length > 0 && stockLeftByTier.every((left) => left <= 0);
}

/** The reward that tier `tier` (1-based) gives. */
export function rewardForTier<R>(tiers: readonly { reward: R }[], tier: number): R {
  const found = Number.isInteger(tier) ? tiers[tier - 1] : undefined;
  if (!found) throw new RangeError(`no tier ${tier} (the campaign has ${tiers.length})`);
  return found.reward;
}

/** An edited stock may not drop below what that tier has already awarded. */
export function stockEditErrors(tiers: readonly { stock: number }[], awardedByTier: readonly number[]): FieldError[] {
  const errors: FieldError[] = [];
  tiers.forEach((tier, i) => {
    const awarded = awardedByTier[i] ?? 0;
    if (tier.stock < awarded) errors.push({ path: `tiers.${i}.stock`, message: `must be at least ${awarded}, the number already awarded` });
  });
  return errors;
}
