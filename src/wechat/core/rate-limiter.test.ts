import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RateLimiter } from './rate-limiter.ts';

function fakeClock() {
  let t = 0;
  const slept: number[] = [];
  return {
    slept,
    advance: (ms: number) => (t += ms),
    clock: { now: () => t, sleep: async (ms: number) => void slept.push(ms) },
  };
}

test('a burst passes at once, then callers wait for the rate and queue in order', () => {
  const { clock } = fakeClock();
  const l = new RateLimiter({ perMinute: 60, burst: 2 }, clock); // one per second
  assert.deepEqual([l.reserve('a'), l.reserve('a'), l.reserve('a'), l.reserve('a')], [0, 0, 1000, 2000]);
});

test('buckets refill with time and never exceed the burst', () => {
  const f = fakeClock();
  const l = new RateLimiter({ perMinute: 60, burst: 2 }, f.clock);
  l.reserve('a');
  l.reserve('a');
  f.advance(10_000);
  assert.deepEqual([l.reserve('a'), l.reserve('a'), l.reserve('a')], [0, 0, 1000]);
});

test('keys (owner + api) are independent', () => {
  const { clock } = fakeClock();
  const l = new RateLimiter({ perMinute: 60, burst: 1 }, clock);
  assert.equal(l.reserve('corp1:a'), 0);
  assert.equal(l.reserve('corp1:b'), 0);
  assert.equal(l.reserve('corp2:a'), 0);
  assert.equal(l.reserve('corp1:a'), 1000);
});

test('take sleeps for the reserved wait', async () => {
  const f = fakeClock();
  const l = new RateLimiter({ perMinute: 120, burst: 1 }, f.clock);
  await l.take('k');
  await l.take('k');
  assert.deepEqual(f.slept, [500]);
});

test('refuses a nonsensical limit', () => {
  assert.throws(() => new RateLimiter({ perMinute: 0, burst: 1 }));
});
