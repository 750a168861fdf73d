// Lock order of churn against joins (PostgreSQL, truly concurrent; PGlite runs them one at a time):
// helpers of inviter X delete the staff (their helps are revoked and taken off X's count) while new
// invitees join through X's help code (X's count rises, their rows reference X by foreign key).
// Counts must come out exact, and no transaction may be a deadlock victim — not even one retried
// in process by transactionWithRetry, which this test counts.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachEngine } from '../helpers/db.ts';
import { openDb, type Db, type Queryable } from '../../src/db/client.ts';
import { seedWorkspaceMembers } from '../../src/db/seeders/workspace-members.ts';
import { campaignInput, seedCampaign, seedStaff } from '../../src/db/seeders/task-fission-campaign.ts';
import { seedParticipant } from '../../src/db/seeders/task-fission-activity.ts';
import { JobQueue } from '../../src/jobs/queue.ts';
import { ALL_QUEUES } from '../../src/jobs/registry.ts';
import { applyChurn } from '../../src/modules/fission/apply-churn.ts';
import { lockCustomer } from '../../src/modules/fission/customer-lock.ts';
import { findFlowCampaign } from '../../src/modules/fission/flow-campaign.ts';
import { findParticipant } from '../../src/modules/fission/flow-participant.ts';
import { joinOrHelp } from '../../src/modules/fission/join-or-help.ts';
import { transactionWithRetry } from '../../src/modules/fission/transaction-with-retry.ts';
import type { CustomerProfile } from '../../src/modules/fission/customer-profile.ts';

describeEachEngine('churn racing joins through one inviter', (ctx, engine) => {
  let writers: Db;
  let jobs: JobQueue;
  before(async () => {
    writers = engine === 'postgres' ? await openDb({ url: ctx().url, poolSize: 24 }) : ctx().db;
    jobs = await JobQueue.start(ctx().db, { supervise: false, queues: ALL_QUEUES });
  });
  after(async () => {
    await jobs?.stop();
    if (writers && writers !== ctx().db) await writers.close();
  });

  const rounds = engine === 'postgres' ? 4 : 1;
  const n = engine === 'postgres' ? 40 : 10;

  test(`${rounds} rounds of ${n} churns of X's helpers racing ${n} joins through X: exact counts, no deadlock`, async () => {
    const { db } = ctx();
    const ws = await seedWorkspaceMembers(db, { slug: 'churn-race' });
    await seedStaff(db, ws.workspaceId);
    const profile = (ext: string): CustomerProfile => ({ externalUserId: ext, nickname: ext, avatar: null, gender: 'unknown', unionid: null, follows: [] });
    const retries: string[] = [];
    const onRetry = (code: string) => retries.push(code);

    for (let round = 0; round < rounds; round++) {
      const config = campaignInput(new Date(), {
        tiers: [{ target: 10_000, reward: { type: 'physical', name: '保温杯' }, stock: 10 }],
        rules: { churnPolicy: 'deduct' },
      });
      const c = await seedCampaign(db, { workspaceId: ws.workspaceId, config, publish: true });
      const campaign = (await findFlowCampaign(db, ws.workspaceId, c.id, new Date()))!;
      const x = await seedParticipant(db, { workspaceId: ws.workspaceId, campaignId: c.id, externalUserId: `x${round}` });
      const inviter = async (q: Queryable = db) => (await findParticipant(q, c.id, { id: x }))!;
      const arrive = (ext: string) => transactionWithRetry(writers, async (tx) => {
        await lockCustomer(tx, ws.workspaceId, ext);
        return joinOrHelp(tx, jobs, {
          workspaceId: ws.workspaceId, campaign, inviter: await inviter(tx), profile: profile(ext), staffUserId: 'zhangsan',
          wasCustomerBefore: false, newFriendship: true, at: new Date(),
        });
      }, { onRetry });
      const leave = (ext: string) => transactionWithRetry(writers, async (tx) => {
        await lockCustomer(tx, ws.workspaceId, ext);
        return applyChurn(tx, jobs, { workspaceId: ws.workspaceId, campaignId: c.id, externalUserId: ext, staffUserId: 'zhangsan', at: new Date(), eventKey: `del:${ext}` });
      }, { onRetry });

      // X's first n helpers, one after another.
      const early = Array.from({ length: n }, (_, i) => `r${round}h${i}`);
      for (const h of early) assert.equal((await arrive(h)).help?.verdict.valid, true);
      assert.equal((await inviter()).validHelps, n);

      // Then, all at once: each early helper leaves while a new invitee joins through X.
      const late = Array.from({ length: n }, (_, i) => `r${round}j${i}`);
      const results = await Promise.allSettled(early.flatMap((h, i) => [leave(h), arrive(late[i]!)]));
      const failed = results.filter((r) => r.status === 'rejected');
      assert.deepEqual(failed.map((r) => String((r as PromiseRejectedResult).reason)), []);

      const q = (sql: string) => db.query(sql, [c.id]);
      assert.equal((await inviter()).validHelps, n, `round ${round}: n revoked, n counted`);
      assert.deepEqual((await q(`SELECT status, count(*)::int AS n FROM helps WHERE campaign_id = $1 GROUP BY status ORDER BY status`)).rows, [
        { status: 'revoked', n }, { status: 'valid', n },
      ]);
      assert.equal((await q(`SELECT count(*)::int AS n FROM participants WHERE campaign_id = $1 AND inviter_id IS NOT NULL`)).rows[0]!.n, 2 * n);
      assert.equal((await q(`SELECT count(*)::int AS n FROM participants WHERE campaign_id = $1 AND friend_status = 'lost'`)).rows[0]!.n, n);
      assert.equal((await q(`SELECT count(*)::int AS n FROM campaign_friends WHERE campaign_id = $1 AND lost_at IS NOT NULL`)).rows[0]!.n, n);
    }
    assert.deepEqual(retries, [], `deadlock victims retried in process: ${retries.length}`);
  });

  // Two participants A < B (by id) both helped by H: H leaving takes A's and B's counts, while A
  // helps B (locking B as inviter, then A's own row) and B helps A. Rows taken in different orders
  // deadlock; taken in id order they only queue.
  test(`${n} helpers of two participants leaving while the two help each other: exact counts, no deadlock`, async () => {
    const { db } = ctx();
    const ws = await seedWorkspaceMembers(db, { slug: 'churn-cross' });
    await seedStaff(db, ws.workspaceId);
    const profile = (ext: string): CustomerProfile => ({ externalUserId: ext, nickname: ext, avatar: null, gender: 'unknown', unionid: null, follows: [] });
    const retries: string[] = [];
    const onRetry = (code: string) => retries.push(code);
    const config = campaignInput(new Date(), {
      tiers: [{ target: 10_000, reward: { type: 'physical', name: '保温杯' }, stock: 10 }],
      rules: { churnPolicy: 'deduct', helpsPerHelper: 2, noMutualHelp: false },
    });
    const c = await seedCampaign(db, { workspaceId: ws.workspaceId, config, publish: true });
    const campaign = (await findFlowCampaign(db, ws.workspaceId, c.id, new Date()))!;
    const help = (ext: string, inviterId: number) => transactionWithRetry(writers, async (tx) => {
      await lockCustomer(tx, ws.workspaceId, ext);
      return joinOrHelp(tx, jobs, {
        workspaceId: ws.workspaceId, campaign, inviter: (await findParticipant(tx, c.id, { id: inviterId }))!, profile: profile(ext), staffUserId: 'zhangsan',
        wasCustomerBefore: false, newFriendship: false, at: new Date(),
      });
    }, { onRetry });
    const leave = (ext: string) => transactionWithRetry(writers, async (tx) => {
      await lockCustomer(tx, ws.workspaceId, ext);
      return applyChurn(tx, jobs, { workspaceId: ws.workspaceId, campaignId: c.id, externalUserId: ext, staffUserId: 'zhangsan', at: new Date(), eventKey: `del:${ext}` });
    }, { onRetry });

    const pairs: Array<{ a: number; b: number; h: string }> = [];
    for (let i = 0; i < n; i++) {
      const a = await seedParticipant(db, { workspaceId: ws.workspaceId, campaignId: c.id, externalUserId: `a${i}` });
      const b = await seedParticipant(db, { workspaceId: ws.workspaceId, campaignId: c.id, externalUserId: `b${i}` });
      const h = `h${i}`;
      assert.equal((await help(h, a)).help?.verdict.valid, true);
      assert.equal((await help(h, b)).help?.verdict.valid, true);
      pairs.push({ a, b, h });
    }
    const results = await Promise.allSettled(pairs.flatMap(({ a, b, h }, i) => [leave(h), help(`a${i}`, b), help(`b${i}`, a)]));
    assert.deepEqual(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason)), []);

    for (const { a, b } of pairs) {
      const counts = (await db.query(`SELECT valid_helps FROM participants WHERE id = ANY($1::bigint[]) ORDER BY id`, [[a, b]])).rows.map((r) => r.valid_helps);
      assert.deepEqual(counts, [1, 1], 'H taken off both, each helped by the other');
    }
    assert.deepEqual((await db.query(`SELECT status, count(*)::int AS n FROM helps WHERE campaign_id = $1 GROUP BY status ORDER BY status`, [c.id])).rows, [
      { status: 'revoked', n: 2 * n }, { status: 'valid', n: 2 * n },
    ]);
    assert.deepEqual(retries, [], `deadlock victims retried in process: ${retries.length}`);
  });
});
