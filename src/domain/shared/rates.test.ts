import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { completionRate, retentionRate } from './rates.ts';

describe('retentionRate', () => {
  it('is (new - lost) / new', () => {
    assert.equal(retentionRate(100, 25), 0.75);
    assert.equal(retentionRate(3, 0), 1);
    assert.equal(retentionRate(4, 4), 0);
  });

  it('is null when there are no new friends', () => {
    assert.equal(retentionRate(0, 0), null);
    assert.equal(retentionRate(0, 2), null);
  });

  it('can go negative over a window where earlier friends left', () => {
    assert.equal(retentionRate(2, 3), -0.5);
  });

  it('rejects negative or fractional counts', () => {
    assert.throws(() => retentionRate(-1, 0), RangeError);
    assert.throws(() => retentionRate(1, 0.5), RangeError);
  });
});

describe('completionRate', () => {
  it('is completed / participants', () => {
    assert.equal(completionRate(1, 4), 0.25);
    assert.equal(completionRate(0, 4), 0);
    assert.equal(completionRate(4, 4), 1);
  });

  it('is null with no participants', () => {
    assert.equal(completionRate(0, 0), null);
  });

  it('rejects more completions than participants', () => {
    assert.throws(() => completionRate(5, 4), RangeError);
  });
});
