import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelay } from './backoff.ts';

const opts = { retries: 5, baseDelayMs: 100, maxDelayMs: 1000 };

test('doubles per attempt up to the cap', () => {
  assert.deepEqual([0, 1, 2, 3, 4, 5].map((a) => backoffDelay(a, opts, () => 1)), [100, 200, 400, 800, 1000, 1000]);
});

test('jitter keeps the delay between half and all of the ceiling', () => {
  assert.equal(backoffDelay(2, opts, () => 0), 200);
  assert.equal(backoffDelay(2, opts, () => 0.5), 300);
});
