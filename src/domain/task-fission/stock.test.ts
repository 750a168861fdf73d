import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { canReserve, isSoldOut, rewardForTier, stockEditErrors, stockLeft, totalStockLeft } from './stock.ts';

describe('stock', () => {
  it('can reserve only while something is left', () => {
    assert.equal(canReserve(1), true);
    assert.equal(canReserve(0), false);
    assert.equal(canReserve(-1), false);
  });

  it('computes what is left, never below 0', () => {
    assert.equal(stockLeft(10, 3), 7);
    assert.equal(stockLeft(3, 3), 0);
    assert.equal(stockLeft(3, 5), 0);
    assert.equal(totalStockLeft([2, 0, 5]), 7);
  });

  it('is sold out only when every tier is', () => {
    assert.equal(isSoldOut([0, 0]), true);
    assert.equal(isSoldOut([0, 1]), false);
    assert.equal(isSoldOut([]), false);
  });

  it('finds the reward of a 1-based tier', () => {
    const tiers = [{ reward: 'cup' }, { reward: 'bag' }];
    assert.equal(rewardForTier(tiers, 1), 'cup');
    assert.equal(rewardForTier(tiers, 2), 'bag');
    for (const bad of [0, 3, 1.5]) assert.throws(() => rewardForTier(tiers, bad), RangeError);
  });

  it('keeps an edited stock at or above what was awarded', () => {
    assert.deepEqual(stockEditErrors([{ stock: 5 }, { stock: 2 }], [5, 3]), [{ path: 'tiers.1.stock', message: 'must be at least 3, the number already awarded' }]);
    assert.deepEqual(stockEditErrors([{ stock: 5 }], []), []);
  });
});
