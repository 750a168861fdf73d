import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { countAfterRevocation, countsTowardProgress, progressCount } from './churn.ts';
import { newlyReachedTiers } from './progress.ts';

const kept = { revokedAt: null };
const revoked = { revokedAt: new Date('2025-06-05T00:00:00Z') };

describe('churn policies', () => {
  it('deduct: only unrevoked helps count', () => {
    assert.equal(countsTowardProgress('deduct', kept), true);
    assert.equal(countsTowardProgress('deduct', revoked), false);
    assert.equal(progressCount('deduct', [kept, revoked, kept]), 2);
  });

  it('ignore: revoked helps still count', () => {
    assert.equal(countsTowardProgress('ignore', revoked), true);
    assert.equal(progressCount('ignore', [kept, revoked, kept]), 3);
  });

  it('deduct takes exactly one off per revocation; ignore takes nothing', () => {
    assert.equal(countAfterRevocation('deduct', 3), 2);
    assert.equal(countAfterRevocation('deduct', 1), 0);
    assert.equal(countAfterRevocation('ignore', 3), 3);
  });

  it('refuses to revoke from a count of 0', () => {
    assert.throws(() => countAfterRevocation('deduct', 0), RangeError);
  });

  it('deduct: a won tier stays won and is not awarded again when the count climbs back', () => {
    const tiers = [{ target: 3 }, { target: 5 }];
    let count = 3;
    const won: number[] = newlyReachedTiers(tiers, count, []);
    assert.deepEqual(won, [1]);
    count = countAfterRevocation('deduct', count); // a helper deletes the staff
    assert.equal(count, 2);
    count += 1; // a new helper
    assert.deepEqual(newlyReachedTiers(tiers, count, won), []);
    count += 2;
    assert.deepEqual(newlyReachedTiers(tiers, count, won), [2]);
  });
});
