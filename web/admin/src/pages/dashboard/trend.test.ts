import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trendPoints } from './trend.ts';

const day = (d: string, participants: number) => ({ day: d, participants, completed: 0, newFriends: participants * 2, lostFriends: 0, validHelps: 0 });

test('days without activity are zeros, so the line does not skip them', () => {
  const points = trendPoints([day('2025-06-01', 3), day('2025-06-03', 1)], 'day', '2025-06-01', '2025-06-04');
  assert.deepEqual(points.map((p) => [p.label, p.values.participants]), [['2025-06-01', 3], ['2025-06-02', 0], ['2025-06-03', 1], ['2025-06-04', 0]]);
});

test('weeks start on Monday and months are calendar months; each sums its days', () => {
  // 2025-06-01 is a Sunday: it belongs to the week of Monday 2025-05-26.
  const rows = [day('2025-05-31', 1), day('2025-06-01', 2), day('2025-06-02', 4), day('2025-06-08', 8)];
  const weeks = trendPoints(rows, 'week', '2025-05-31', '2025-06-08');
  assert.deepEqual(weeks.map((p) => [p.label, p.values.participants, p.values.newFriends]), [['2025-05-26', 3, 6], ['2025-06-02', 12, 24]]);
  const months = trendPoints(rows, 'month', '2025-05-31', '2025-06-08');
  assert.deepEqual(months.map((p) => [p.label, p.values.participants]), [['2025-05', 1], ['2025-06', 14]]);
});
