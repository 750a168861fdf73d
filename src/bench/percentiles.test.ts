import { test } from 'node:test';
import assert from 'node:assert/strict';
import { percentile, summarize } from './percentiles.ts';

test('nearest-rank percentiles are observed values', () => {
  const xs = Array.from({ length: 100 }, (_, i) => i + 1); // 1..100
  assert.equal(percentile(xs, 50), 50);
  assert.equal(percentile(xs, 99), 99);
  assert.equal(percentile(xs, 100), 100);
  assert.equal(percentile([7], 99), 7);
  assert.equal(percentile([1, 2, 3], 50), 2);
  assert.ok(Number.isNaN(percentile([], 50)));
  assert.throws(() => percentile(xs, 0), /percentile/);
});

test('summarize sorts numerically, not as strings', () => {
  const s = summarize([100, 9, 20, 3, 1000]);
  assert.deepEqual(s, { count: 5, p50: 20, p90: 1000, p99: 1000, max: 1000, mean: 226.4 });
});
