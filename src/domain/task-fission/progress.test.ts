import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newlyReachedTiers, nextTier } from './progress.ts';

const tiers = [{ target: 3 }, { target: 10 }, { target: 20 }];

describe('newlyReachedTiers', () => {
  it('reaches a tier exactly at its target', () => {
    assert.deepEqual(newlyReachedTiers(tiers, 2, []), []);
    assert.deepEqual(newlyReachedTiers(tiers, 3, []), [1]);
    assert.deepEqual(newlyReachedTiers(tiers, 9, [1]), []);
    assert.deepEqual(newlyReachedTiers(tiers, 10, [1]), [2]);
  });

  it('never returns a tier already won', () => {
    assert.deepEqual(newlyReachedTiers(tiers, 25, [1, 2, 3]), []);
    assert.deepEqual(newlyReachedTiers(tiers, 3, new Set([1])), []);
  });

  it('returns several tiers, lowest first, when earlier ones were not won (e.g. sold out then restocked)', () => {
    assert.deepEqual(newlyReachedTiers(tiers, 20, []), [1, 2, 3]);
    assert.deepEqual(newlyReachedTiers(tiers, 20, [2]), [1, 3]);
  });

  it('rejects a negative count', () => {
    assert.throws(() => newlyReachedTiers(tiers, -1, []), RangeError);
  });
});

describe('nextTier', () => {
  it('starts at tier 1', () => {
    assert.deepEqual(nextTier(tiers, 0, []), { tier: 1, target: 3, stillNeeded: 3 });
    assert.deepEqual(nextTier(tiers, 2, []), { tier: 1, target: 3, stillNeeded: 1 });
  });

  it('moves on once a tier is won', () => {
    assert.deepEqual(nextTier(tiers, 3, [1]), { tier: 2, target: 10, stillNeeded: 7 });
  });

  it('does not send someone back to a won tier after churn lowered the count', () => {
    assert.deepEqual(nextTier(tiers, 2, [1]), { tier: 2, target: 10, stillNeeded: 8 });
  });

  it('skips a reached tier that was not won (sold out) and aims at the next', () => {
    assert.deepEqual(nextTier(tiers, 4, []), { tier: 2, target: 10, stillNeeded: 6 });
  });

  it('is null when every tier is won or passed', () => {
    assert.equal(nextTier(tiers, 20, [1, 2, 3]), null);
    assert.equal(nextTier(tiers, 25, [1]), null);
  });
});
