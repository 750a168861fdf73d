import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { levelBucket, levelBuckets, participantLevel } from './levels.ts';

describe('participantLevel', () => {
  it('is 1 for a seed participant and inviter + 1 otherwise', () => {
    assert.equal(participantLevel(null), 1);
    assert.equal(participantLevel(1), 2);
    assert.equal(participantLevel(14), 15);
  });

  it('rejects an impossible inviter level', () => {
    assert.throws(() => participantLevel(0), RangeError);
    assert.throws(() => participantLevel(1.5), RangeError);
  });
});

describe('levelBucket', () => {
  it('keeps levels 1..14 and folds deeper ones into other', () => {
    assert.equal(levelBucket(1), 1);
    assert.equal(levelBucket(14), 14);
    assert.equal(levelBucket(15), 'other');
    assert.equal(levelBucket(1000), 'other');
  });

  it('rejects level 0', () => {
    assert.throws(() => levelBucket(0), RangeError);
  });

  it('lists the 15 buckets in chart order', () => {
    const buckets = levelBuckets();
    assert.equal(buckets.length, 15);
    assert.equal(buckets[0], 1);
    assert.equal(buckets[13], 14);
    assert.equal(buckets[14], 'other');
  });
});
