// A helper who deletes or blocks the staff they added (seed 000 §3.4): under 'deduct' their help
// stops counting, so the inviter's count is always their valid, unrevoked helps; under 'ignore'
// nothing changes. Rewards already won stay won either way (see progress.ts).
import type { ChurnPolicy } from './advanced-rules.ts';

export interface CountedHelp {
  /** When the helper deleted/blocked the staff; null while they are still a friend. */
  revokedAt: Date | null;
}

export function countsTowardProgress(policy: ChurnPolicy, help: CountedHelp): boolean {
  return policy === 'ignore' || help.revokedAt === null;
}

/** The inviter's progress count from their valid helps. */
export function progressCount(policy: ChurnPolicy, validHelps: readonly CountedHelp[]): number {
  return validHelps.filter((h) => countsTowardProgress(policy, h)).length;
}

/** The count after one more of the inviter's counted helps is revoked. */
export function countAfterRevocation(policy: ChurnPolicy, count: number): number {
  if (!Number.isSafeInteger(count) || count < 1) throw new RangeError(`a revoked help must have been counted; count was ${count}`);
  return policy === 'deduct' ? count - 1 : count;
}
