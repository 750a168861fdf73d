// Rates shown on campaign dashboards, as fractions (0.25 = 25 %); the UI formats percentages.
// Both are null when their denominator is 0: "no data" is not 0 % or 100 %.

/**
 * 好友留存率 = (new friends − lost friends) / new friends. Over a time window (e.g. "today") the
 * lost friends may have been added earlier, so the value can go below 0; it is not clamped, so a
 * dashboard and the simulator recomputing it always agree.
 */
export function retentionRate(newFriends: number, lostFriends: number): number | null {
  assertCount('newFriends', newFriends);
  assertCount('lostFriends', lostFriends);
  return newFriends === 0 ? null : (newFriends - lostFriends) / newFriends;
}

/** 任务完成率 = participants who completed / all participants. */
export function completionRate(completed: number, participants: number): number | null {
  assertCount('completed', completed);
  assertCount('participants', participants);
  if (completed > participants) throw new RangeError(`completed (${completed}) exceeds participants (${participants})`);
  return participants === 0 ? null : completed / participants;
}

function assertCount(name: string, n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${name} must be a non-negative integer, got ${n}`);
}
