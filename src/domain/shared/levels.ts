// Fission levels (裂变层级): who brought whom. Seed participants (campaign code, staff poster) are
// level 1; someone who joined through a level-n poster is level n + 1. The distribution chart shows
// levels 1–14 one by one and everything deeper as "other" (其他), as seed 000 §三 4③ describes.

export const LEVEL_BUCKET_COUNT = 14;

export type LevelBucket = number | 'other';

/** Level of a new participant: 1 without an inviter, otherwise the inviter's level + 1. */
export function participantLevel(inviterLevel: number | null): number {
  if (inviterLevel === null) return 1;
  assertLevel(inviterLevel);
  return inviterLevel + 1;
}

export function levelBucket(level: number): LevelBucket {
  assertLevel(level);
  return level <= LEVEL_BUCKET_COUNT ? level : 'other';
}

/** Every bucket in chart order: 1, 2, …, 14, 'other'. */
export function levelBuckets(): LevelBucket[] {
  return [...Array.from({ length: LEVEL_BUCKET_COUNT }, (_, i) => i + 1), 'other'];
}

function assertLevel(level: number): void {
  if (!Number.isSafeInteger(level) || level < 1) throw new RangeError(`a level is a positive integer, got ${level}`);
}
