import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createManualClock } from '../clock.ts';
import { resolveLimits } from '../limits.ts';
import { createRateLimiter } from './rate-limit.ts';

describe('rate limiter', () => {
  const setup = () => {
    const clock = createManualClock(Date.UTC(2026, 0, 1, 10, 0, 0));
    const limits = resolveLimits({ rate: { corp: { perMinute: 3, perHour: 5 }, ip: { perMinute: 100, perHour: 1000 }, perApi: { special: { corp: { perMinute: 1 } } } } });
    return { clock, rl: createRateLimiter(clock, limits) };
  };

  it('blocks a corp for 60 s after the per-minute limit, even across the minute boundary', () => {
    const { clock, rl } = setup();
    for (let i = 0; i < 3; i++) assert.ok(rl.hit('corp', 'c1', 'api'));
    assert.ok(!rl.hit('corp', 'c1', 'api'));
    assert.ok(rl.hit('corp', 'c2', 'api'), 'other corps are not affected');
    assert.ok(rl.hit('corp', 'c1', 'other'), 'other APIs are not affected');
    clock.advance(59_000);
    assert.ok(!rl.hit('corp', 'c1', 'api'), 'still blocked in the next minute window');
    clock.advance(1_000);
    assert.ok(rl.hit('corp', 'c1', 'api'));
  });

  it('blocks for an hour after the per-hour limit', () => {
    const { clock, rl } = setup();
    for (let i = 0; i < 5; i++) {
      assert.ok(rl.hit('corp', 'c1', 'api'));
      clock.advance(61_000);
    }
    assert.ok(!rl.hit('corp', 'c1', 'api'));
    clock.advance(59 * 60_000);
    assert.ok(!rl.hit('corp', 'c1', 'api'));
    clock.advance(60_000);
    assert.ok(rl.hit('corp', 'c1', 'api'));
  });

  it('applies per-API overrides', () => {
    const { rl } = setup();
    assert.ok(rl.hit('corp', 'c1', 'special'));
    assert.ok(!rl.hit('corp', 'c1', 'special'));
  });
});
