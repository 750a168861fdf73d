import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hourlyPoints, periodLabel, trendPoints } from './trend.ts';

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

test('labels: hours as HH:00, days as MM-DD, weeks by their Monday, months by name', () => {
  const t = (key: string, o: Record<string, string>) => `${key}:${JSON.stringify(o)}`;
  assert.equal(periodLabel('2025-06-01T09', 'hour', t), '09:00');
  assert.equal(periodLabel('2025-06-01', 'day', t), '06-01');
  assert.equal(periodLabel('2025-05-26', 'week', t), 'dashboard.weekOf:{"day":"05-26"}');
  assert.equal(periodLabel('2025-06', 'month', t), 'dashboard.monthLabel:{"year":"2025","month":"6"}');
});

test('hourly rows become 24 points in order', () => {
  const hours = Array.from({ length: 24 }, (_, h) => ({ hour: `2025-06-01T${String(h).padStart(2, '0')}`, participants: h, completed: 0, newFriends: 0, lostFriends: 0, validHelps: 0 }));
  const points = hourlyPoints(hours);
  assert.equal(points.length, 24);
  assert.deepEqual([points[0]!.label, points[23]!.values.participants], ['2025-06-01T00', 23]);
});
