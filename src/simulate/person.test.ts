import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDistribution } from './distribution.ts';
import type { CrowdOptions } from './options.ts';
import { personSeed, planPerson } from './person.ts';

const crowd: CrowdOptions = {
  participants: 100, seeds: 2, shares: parseDistribution('poisson:3'), scanProbability: 0.5, completeProbability: 0.5,
  rescanProbability: 0.1, churnProbability: 0.3, churnDelaySeconds: 2, concurrency: 4, seed: 9,
};

test('the same seed and ordinal plan the same person; others differ', () => {
  assert.deepEqual(planPerson(crowd, 5, 'p5'), planPerson(crowd, 5, 'p5'));
  assert.notDeepEqual(planPerson(crowd, 5, 'p5').shares, planPerson(crowd, 6, 'p5').shares);
  assert.notDeepEqual(planPerson(crowd, 5, 'p5').shares, planPerson({ ...crowd, seed: 10 }, 5, 'p5').shares);
  assert.notEqual(personSeed(1, 2), personSeed(2, 1));
});

test('plans follow the probabilities', () => {
  const people = Array.from({ length: 4000 }, (_, i) => planPerson(crowd, i, `p${i}`));
  const shares = people.flatMap((p) => p.shares);
  const rate = (f: (x: (typeof shares)[number]) => boolean) => shares.filter(f).length / shares.length;
  assert.ok(Math.abs(shares.length / people.length - 3) < 0.15);
  assert.ok(Math.abs(rate((s) => s.scanned) - 0.5) < 0.03);
  assert.ok(Math.abs(rate((s) => s.byKnownPerson) - 0.1) < 0.02);
  assert.ok(Math.abs(people.filter((p) => p.churns).length / people.length - 0.3) < 0.03);
  assert.ok(people.every((p) => p.churnDelayMs >= 1000 && p.churnDelayMs <= 3000));
});
