import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createFaultPicker } from './faults.ts';

describe('fault picker', () => {
  it('plans nothing by default and obeys explicit faults', () => {
    const f = createFaultPicker();
    assert.deepEqual(f.plan(), { copies: 0, drop: false, reorder: false, hold: false });
    assert.deepEqual(f.plan({ duplicate: true, hold: true }), { copies: 1, drop: false, reorder: false, hold: true });
    assert.equal(f.plan({ duplicate: 3 }).copies, 3);
  });

  it('rolls rates from its seed, reproducibly', () => {
    const rolls = (seed: number) => {
      const f = createFaultPicker({ duplicateRate: 0.5, lossRate: 0.5, reorderRate: 0, seed });
      return Array.from({ length: 40 }, () => f.plan());
    };
    const a = rolls(9);
    assert.deepEqual(a, rolls(9));
    const drops = a.filter((p) => p.drop).length;
    assert.ok(drops > 5 && drops < 35, `about half dropped, got ${drops}`);
    assert.ok(a.every((p) => !p.reorder));
  });

  it('rejects rates outside [0, 1]', () => {
    assert.throws(() => createFaultPicker().setRates({ duplicateRate: 1.5, lossRate: 0, reorderRate: 0 }), RangeError);
  });
});
