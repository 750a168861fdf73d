import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { randomAlnum, rngAlnum, seededRng } from './rng.ts';

describe('rng', () => {
  it('repeats a sequence for the same seed and differs for another', () => {
    const a = seededRng(42);
    const b = seededRng(42);
    const c = seededRng(43);
    const sa = Array.from({ length: 5 }, () => a.next());
    assert.deepEqual(sa, Array.from({ length: 5 }, () => b.next()));
    assert.notDeepEqual(sa, Array.from({ length: 5 }, () => c.next()));
    assert.ok(sa.every((x) => x >= 0 && x < 1));
  });

  it('makes alphanumeric strings of the asked length', () => {
    assert.match(randomAlnum(32), /^[A-Za-z0-9]{32}$/);
    assert.equal(rngAlnum(seededRng(1), 10), rngAlnum(seededRng(1), 10));
  });
});
