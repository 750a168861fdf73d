import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Gate } from './gate.ts';

test('runs at most `limit` tasks at once, in order, and counts the pending ones', async () => {
  const gate = new Gate(2);
  let running = 0;
  let most = 0;
  const order: number[] = [];
  const task = (i: number) => gate.run(async () => {
    running++;
    most = Math.max(most, running);
    await new Promise((r) => setTimeout(r, 5));
    order.push(i);
    running--;
    return i;
  });
  const all = Promise.all([0, 1, 2, 3, 4].map(task));
  assert.equal(gate.pending, 5);
  assert.deepEqual(await all, [0, 1, 2, 3, 4]);
  assert.equal(most, 2);
  assert.deepEqual(order, [0, 1, 2, 3, 4]);
  assert.equal(gate.pending, 0);
  await assert.rejects(gate.run(async () => { throw new Error('boom'); }), /boom/);
  assert.equal(gate.pending, 0);
});
