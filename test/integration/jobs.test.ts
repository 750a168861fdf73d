import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { describeEachEngine } from '../helpers/db.ts';
import { JobQueue } from '../../src/jobs/queue.ts';
import { defineJob } from '../../src/jobs/define-job.ts';

const Echo = defineJob('test.echo', z.object({ n: z.number().int() }), { retryLimit: 3, retryDelay: 1, expireInSeconds: 30 });

const waitFor = async (cond: () => Promise<boolean>, ms = 20_000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out waiting');
};

describeEachEngine('job queue', (ctx) => {
  test('a job sent inside a rolled-back transaction never exists; a committed one runs once', async () => {
    const { db } = ctx();
    await db.exec('CREATE TABLE echo_runs (n int NOT NULL)');
    const q = await JobQueue.start(db, { supervise: false, queues: [Echo] });
    try {
      await assert.rejects(db.transaction(async (tx) => {
        await q.send(Echo, { n: 1 }, { tx });
        throw new Error('roll back');
      }));
      await db.transaction((tx) => q.send(Echo, { n: 2 }, { tx }));
      await q.work(Echo, 2, async ({ n }) => {
        await db.query('INSERT INTO echo_runs (n) VALUES ($1)', [n]);
      }, 0.5);
      await waitFor(async () => (await db.query('SELECT 1 FROM echo_runs')).rows.length > 0);
      await new Promise((r) => setTimeout(r, 1000));
      const runs = (await db.query<{ n: number }>('SELECT n FROM echo_runs')).rows.map((r) => r.n);
      assert.deepEqual(runs, [2]);
    } finally {
      await q.stop();
    }
  });

  test('the same idempotency key enqueues one job; bad payloads are refused', async () => {
    const { db } = ctx();
    const q = await JobQueue.start(db, { supervise: false, queues: [Echo] });
    try {
      const a = await q.send(Echo, { n: 7 }, { key: 'welcome:abc' });
      const b = await q.send(Echo, { n: 7 }, { key: 'welcome:abc' });
      assert.ok(a);
      assert.equal(b, null);
      await assert.rejects(q.send(Echo, { n: 'x' } as never), /expected number/);
    } finally {
      await q.stop();
    }
  });

  test('a failing job is retried with backoff and keeps its last error visible', async () => {
    const { db } = ctx();
    const Flaky = defineJob('test.flaky', z.object({}), { retryLimit: 1, retryDelay: 1, expireInSeconds: 30 });
    const q = await JobQueue.start(db, { supervise: true, monitorIntervalSeconds: 1, queues: [Flaky] });
    let attempts = 0;
    try {
      const id = await q.send(Flaky, {});
      await q.work(Flaky, 1, async () => {
        attempts++;
        throw new Error(`boom ${attempts}`);
      }, 0.5);
      await waitFor(async () => (await q.boss.getJobById(Flaky.name, id!))?.state === 'failed');
      const job = await q.boss.getJobById(Flaky.name, id!);
      assert.equal(attempts, 2, 'first run + one retry');
      assert.match(JSON.stringify(job?.output), /boom 2/);
    } finally {
      await q.stop();
    }
  });
});
