import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { completionRate } from '../shared/rates.ts';
import { funnelBucket, funnelCounts, isCompleted } from './funnel.ts';

describe('funnelBucket', () => {
  it('splits at 0 helpers and at the tier 1 target', () => {
    assert.equal(funnelBucket({ validHelps: 0, wonTier1: false }, 3), 'not_shared');
    assert.equal(funnelBucket({ validHelps: 1, wonTier1: false }, 3), 'shared_not_completed');
    assert.equal(funnelBucket({ validHelps: 2, wonTier1: false }, 3), 'shared_not_completed');
    assert.equal(funnelBucket({ validHelps: 3, wonTier1: false }, 3), 'completed');
    assert.equal(funnelBucket({ validHelps: 1, wonTier1: false }, 1), 'completed');
  });

  it('keeps a tier 1 winner completed after churn', () => {
    assert.equal(isCompleted({ validHelps: 0, wonTier1: true }, 3), true);
    assert.equal(funnelBucket({ validHelps: 0, wonTier1: true }, 3), 'completed');
  });

  it('rejects a tier 1 target below 1', () => {
    assert.throws(() => funnelBucket({ validHelps: 0, wonTier1: false }, 0), RangeError);
  });
});

describe('funnelCounts', () => {
  it('counts each bucket and feeds the completion rate', () => {
    const counts = funnelCounts(
      [0, 0, 1, 2, 3, 7].map((validHelps) => ({ validHelps, wonTier1: validHelps >= 3 })),
      3,
    );
    assert.deepEqual(counts, { participants: 6, not_shared: 2, shared_not_completed: 2, completed: 2 });
    assert.equal(completionRate(counts.completed, counts.participants), 2 / 6);
  });

  it('is all zeros for no participants', () => {
    assert.deepEqual(funnelCounts([], 3), { participants: 0, not_shared: 0, shared_not_completed: 0, completed: 0 });
  });
});
