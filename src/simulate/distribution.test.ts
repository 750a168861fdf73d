import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seededRandom } from '../db/seeders/random.ts';
import { drawFrom, meanOf, parseDistribution } from './distribution.ts';

test('parses every form and refuses the rest', () => {
  assert.deepEqual(parseDistribution('fixed:3'), { kind: 'fixed', n: 3 });
  assert.deepEqual(parseDistribution('poisson:2.5'), { kind: 'poisson', mean: 2.5 });
  assert.deepEqual(parseDistribution('geometric:1'), { kind: 'geometric', mean: 1 });
  assert.deepEqual(parseDistribution('uniform:0-6'), { kind: 'uniform', min: 0, max: 6 });
  assert.deepEqual(parseDistribution('0:50,2:30,10:20'), { kind: 'weights', values: [{ k: 0, w: 50 }, { k: 2, w: 30 }, { k: 10, w: 20 }] });
  for (const bad of ['', 'poisson', 'poisson:-1', 'uniform:5-2', 'fixed:x', '1:0', 'normal:3', '2:abc']) {
    assert.throws(() => parseDistribution(bad), RangeError, bad);
  }
});

test('draws match their means, and the same seed draws the same numbers', () => {
  for (const spec of ['fixed:3', 'poisson:3', 'geometric:2', 'uniform:1-5', '0:1,4:1']) {
    const d = parseDistribution(spec);
    const rnd = seededRandom(42);
    const xs = Array.from({ length: 20_000 }, () => drawFrom(d, rnd));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    assert.ok(Math.abs(mean - meanOf(d)) < 0.1, `${spec}: mean ${mean}, expected ${meanOf(d)}`);
    assert.ok(xs.every((x) => Number.isInteger(x) && x >= 0), spec);
  }
  const again = (seed: number) => Array.from({ length: 50 }, ((r) => () => drawFrom({ kind: 'poisson', mean: 3 }, r))(seededRandom(seed)));
  assert.deepEqual(again(7), again(7));
  assert.notDeepEqual(again(7), again(8));
});
