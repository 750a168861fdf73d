// How JobQueue.work runs jobs: never more than `concurrency` at once, and each job settles on its
// own even though pollers fetch two at a time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { describeEachEngine } from '../helpers/db.ts';
import { JobQueue } from '../../src/jobs/queue.ts';
import { defineJob } from '../../src/jobs/define-job.ts';

const Sleepy = defineJob('test.sleepy', z.object({ n: z.number().int() }), { retryLimit: 0, retryDelay: 1, expireInSeconds: 30 });
const Mixed = defineJob('test.mixed', z.object({ fail: z.boolean() }), { retryLimit: 1, retryDelay: 1, expireInSeconds: 30 });

const waitFor = async (cond: () => boolean | Promise<boolean>, ms = 30_000) => {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describeEachEngine('job queue concurrency', (ctx) => {
  for (const concurrency of [1, 4]) {
    test(`runs at most ${concurrency} job(s) at once, and every job once`, async () => {
      const q = await JobQueue.start(ctx().db, { supervise: false, queues: [Sleepy] });
      const count = concurrency === 1 ? 4 : 12;
      const seen: number[] = [];
      let running = 0;
      let peak = 0;
      try {
        for (let n = 0; n < count; n++) await q.send(Sleepy, { n: concurrency * 100 + n });
        await q.work(Sleepy, concurrency, async ({ n }) => {
          running++;
          peak = Math.max(peak, running);
          await new Promise((r) => setTimeout(r, 150));
          seen.push(n);
          running--;
        }, 0.5);
        await waitFor(() => seen.length === count);
      } finally {
        await q.stop();
      }
      assert.ok(peak <= concurrency, `peak ${peak} within ${concurrency}`);
      if (concurrency > 1) assert.ok(peak >= 2, `jobs ran side by side (peak ${peak})`);
      assert.deepEqual([...seen].sort((a, b) => a - b), Array.from({ length: count }, (_, i) => concurrency * 100 + i));
    });
  }

  test('a job failing beside a good one in the same fetch fails alone', async () => {
    const q = await JobQueue.start(ctx().db, { supervise: false, queues: [Mixed] });
    const runs = { good: 0, bad: 0 };
    try {
      const good = await q.send(Mixed, { fail: false });
      const bad = await q.send(Mixed, { fail: true });
      await q.work(Mixed, 2, async ({ fail }) => {
        runs[fail ? 'bad' : 'good']++;
        if (fail) throw new Error('this one is broken');
      }, 0.5);
      await waitFor(async () => (await q.boss.getJobById(Mixed.name, bad!))?.state === 'failed');
      assert.equal((await q.boss.getJobById(Mixed.name, good!))?.state, 'completed');
      const failed = await q.boss.getJobById(Mixed.name, bad!);
      assert.match(JSON.stringify(failed?.output), /this one is broken/);
      assert.deepEqual(runs, { good: 1, bad: 2 }, 'the good job was not re-run with the bad one');
    } finally {
      await q.stop();
    }
  });
});
