// Stock and prizes: reservations racing for the last units, redeem codes racing for a shared pool,
// the address form, batch "mark as issued", code pools and the rewards list. On PostgreSQL the races
// run as truly concurrent transactions on their own connections; PGlite serialises them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachEngine } from '../helpers/db.ts';
import { startAdminApi, type AdminApi } from '../helpers/admin-api.ts';
import { openDb, type Db } from '../../src/db/client.ts';
import { campaignInput, seedCampaign, seedStaff } from '../../src/db/seeders/task-fission-campaign.ts';
import { seedParticipant } from '../../src/db/seeders/task-fission-activity.ts';
import { reserveReward } from '../../src/modules/reward/reserve-reward.ts';
import { claimPhysicalReward } from '../../src/modules/reward/claim-physical-reward.ts';
import { assignRedeemCode } from '../../src/modules/reward/assign-redeem-code.ts';

const ADDRESS = { name: '李四', mobile: '138 0013 8000', province: '广东省', city: '深圳市', district: '南山区', address: '科技园一号楼 101' };

describeEachEngine('campaign rewards', (ctx, engine) => {
  let api: AdminApi;
  // PostgreSQL races get a pool wide enough for many transactions at once.
  let racer: Db;
  const ws = () => api.ws.workspaceId;

  before(async () => {
    api = await startAdminApi(ctx().db, 'rewards');
    await seedStaff(ctx().db, ws());
    racer = engine === 'postgres' ? await openDb({ url: ctx().url, poolSize: 40 }) : ctx().db;
  });
  after(async () => {
    if (racer !== ctx().db) await racer.close();
    await api.close();
  });

  const participants = async (campaignId: number, n: number, prefix: string) => {
    const ids: number[] = [];
    for (let i = 0; i < n; i++) ids.push(await seedParticipant(ctx().db, { workspaceId: ws(), campaignId, externalUserId: `${prefix}${i}` }));
    return ids;
  };

  // Every transaction first waits a moment, so on PostgreSQL they all hold open transactions
  // and reach the reservation together.
  const race = (ids: number[], tierNo: number) =>
    Promise.all(ids.map((id) => racer.transaction(async (tx) => {
      await tx.query('SELECT pg_sleep(0.02)');
      return reserveReward(tx, id, tierNo);
    })));

  test('100 participants racing for the last 10 units of stock: exactly 10 rewards', async () => {
    const tiers = [{ target: 1, reward: { type: 'physical' as const, name: '保温杯' }, stock: 40 }];
    const c = await seedCampaign(ctx().db, { workspaceId: ws(), config: campaignInput(new Date(), { tiers }), publish: true });
    const early = await participants(c.id, 30, 'early');
    for (const id of early) assert.ok(await ctx().db.transaction((tx) => reserveReward(tx, id, 1)));

    const racers = await participants(c.id, 100, 'racer');
    const results = await race(racers, 1);
    const won = results.filter((r) => r !== null);
    assert.equal(won.length, 10);
    assert.equal(new Set(won.map((r) => r!.participantId)).size, 10);

    const { db } = ctx();
    const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM rewards WHERE campaign_id = $1', [c.id]);
    assert.equal(rows.rows[0]!.n, 40);
    const stock = await db.query<{ reserved: number }>('SELECT stock_reserved AS reserved FROM campaign_tiers WHERE campaign_id = $1', [c.id]);
    assert.equal(stock.rows[0]!.reserved, 40);
    const view = await api.call('GET', api.url(`/campaigns/${c.id}`));
    assert.equal(view.body.status, 'ended');
    assert.equal(view.body.endReason, 'sold_out');
  });

  test('one participant racing for the same tier ten times gets one reward and uses one unit', async () => {
    const c = await seedCampaign(ctx().db, { workspaceId: ws(), publish: true });
    const [id] = await participants(c.id, 1, 'twice');
    const results = await race(Array(10).fill(id), 1);
    assert.equal(new Set(results.map((r) => r?.id)).size, 1);
    const stock = await ctx().db.query<{ reserved: number }>('SELECT stock_reserved AS reserved FROM campaign_tiers WHERE campaign_id = $1 AND tier_no = 1', [c.id]);
    assert.equal(stock.rows[0]!.reserved, 1);
  });

  test('two campaigns sharing a pool of 20 codes, 60 winners racing: 20 rewards, 20 distinct codes, stock given back', async () => {
    const pool = await api.call('POST', api.url('/code-pools'), { body: { name: '会员月卡' } });
    const codes = Array.from({ length: 20 }, (_, i) => `CARD-${String(i).padStart(3, '0')}`);
    const up = await api.call('POST', api.url(`/code-pools/${pool.body.id}/codes`), { body: { codes } });
    assert.deepEqual([up.body.added, up.body.duplicates, up.body.pool.available], [20, 0, 20]);

    const tiers = [{ target: 1, reward: { type: 'redeem_code' as const, name: '月卡', codePoolId: pool.body.id }, stock: 20 }];
    const a = await seedCampaign(ctx().db, { workspaceId: ws(), config: campaignInput(new Date(), { tiers }), publish: true });
    const b = await seedCampaign(ctx().db, { workspaceId: ws(), config: campaignInput(new Date(), { tiers }), publish: true });
    const racers = [...(await participants(a.id, 30, 'codeA')), ...(await participants(b.id, 30, 'codeB'))];
    const results = await race(racers, 1);
    const won = results.filter((r) => r !== null);

    assert.equal(won.length, 20);
    assert.deepEqual(won.map((r) => r!.redeemCode).sort(), codes);
    assert.ok(won.every((r) => r!.status === 'issued' && r!.issuedAt !== null));
    const { db } = ctx();
    const assigned = await db.query<{ n: number; rewards: number }>(
      'SELECT count(*)::int AS n, count(DISTINCT reward_id)::int AS rewards FROM redeem_codes WHERE pool_id = $1 AND reward_id IS NOT NULL',
      [pool.body.id],
    );
    assert.deepEqual(assigned.rows[0], { n: 20, rewards: 20 });
    const reserved = await db.query<{ n: number }>('SELECT sum(stock_reserved)::int AS n FROM campaign_tiers WHERE campaign_id = ANY($1::bigint[])', [[a.id, b.id]]);
    assert.equal(reserved.rows[0]!.n, 20, 'a winner left without a code gives the stock unit back');
    assert.equal((await api.call('GET', api.url(`/code-pools/${pool.body.id}`))).body.available, 0);
    assert.equal(await db.transaction((tx) => assignRedeemCode(tx, won[0]!.id)), won[0]!.redeemCode, 'assigning again keeps the code');
  });

  test('code pools: duplicates are skipped and counted; bad codes → 400 naming the entry; viewers cannot upload', async () => {
    const pool = await api.call('POST', api.url('/code-pools'), { body: { name: '优惠券' } });
    assert.equal(pool.status, 201);
    const r = await api.call('POST', api.url(`/code-pools/${pool.body.id}/codes`), { body: { codes: ['X1', 'X2', 'X1'] } });
    assert.deepEqual([r.body.added, r.body.duplicates], [2, 1]);
    const again = await api.call('POST', api.url(`/code-pools/${pool.body.id}/codes`), { body: { codes: ['X2', 'X3'] } });
    assert.deepEqual([again.body.added, again.body.duplicates, again.body.pool.total], [1, 1, 3]);

    const bad = await api.call('POST', api.url(`/code-pools/${pool.body.id}/codes`), { body: { codes: ['OK1', 'has space', ''] } });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.error.fields.map((f: any) => f.path), ['body.codes.1', 'body.codes.2']);
    assert.equal((await api.call('POST', api.url(`/code-pools/${pool.body.id}/codes`), { as: 'viewer', body: { codes: ['V1'] } })).status, 403);
    assert.equal((await api.call('POST', api.url('/code-pools/999999/codes'), { body: { codes: ['V1'] } })).status, 404);
    assert.equal((await api.call('POST', api.url('/code-pools'), { body: { name: '' } })).status, 400);
    const list = await api.call('GET', api.url('/code-pools'), { as: 'viewer' });
    assert.equal(list.body.pools.find((p: any) => p.id === pool.body.id).total, 3);
  });

  test('address form: bad input → 400 per field, nothing stored; a good one claims; issued prizes refuse changes', async () => {
    const c = await seedCampaign(ctx().db, { workspaceId: ws(), publish: true });
    const [id] = await participants(c.id, 1, 'claim');
    const { db } = ctx();
    await db.transaction((tx) => reserveReward(tx, id!, 1));
    await assert.rejects(
      db.transaction((tx) => claimPhysicalReward(tx, { participantId: id!, tierNo: 1 }, { ...ADDRESS, mobile: '12345', address: '短' })),
      (err: any) => err.code === 'validation_failed' && err.fields.map((f: any) => f.path).join() === 'mobile,address',
    );
    const before = await db.query('SELECT status, claim_form FROM rewards WHERE participant_id = $1', [id]);
    assert.deepEqual(before.rows[0], { status: 'reserved', claim_form: null });

    const claimed = await db.transaction((tx) => claimPhysicalReward(tx, { participantId: id!, tierNo: 1 }, ADDRESS));
    assert.equal(claimed.status, 'claimed');
    assert.equal(claimed.claimForm!.mobile, '13800138000');

    await api.call('POST', api.url(`/campaigns/${c.id}/rewards/issue`), { body: { rewardIds: [claimed.id] } });
    await assert.rejects(db.transaction((tx) => claimPhysicalReward(tx, { participantId: id!, tierNo: 1 }, ADDRESS)), (err: any) => err.code === 'conflict');
    await db.transaction((tx) => reserveReward(tx, id!, 2));
    await assert.rejects(db.transaction((tx) => claimPhysicalReward(tx, { participantId: id!, tierNo: 2 }, ADDRESS)), /not delivered by post/);
  });

  test('mark issued in batches: all or nothing, unknown ids → 400, physical prizes without address → 409, repeats are harmless', async () => {
    const c = await seedCampaign(ctx().db, { workspaceId: ws(), publish: true });
    const ids = await participants(c.id, 4, 'issue');
    const { db } = ctx();
    const rewards = [];
    for (const id of ids) rewards.push((await db.transaction((tx) => reserveReward(tx, id, 1)))!);
    const service = (await db.transaction((tx) => reserveReward(tx, ids[0]!, 2)))!;
    for (const r of rewards.slice(0, 3)) await db.transaction((tx) => claimPhysicalReward(tx, { participantId: r.participantId, tierNo: 1 }, ADDRESS));
    const url = api.url(`/campaigns/${c.id}/rewards/issue`);
    const statuses = async () => (await db.query<{ status: string }>('SELECT status FROM rewards WHERE campaign_id = $1 ORDER BY id', [c.id])).rows.map((r) => r.status);
    const before = await statuses();

    const unknown = await api.call('POST', url, { body: { rewardIds: [rewards[0]!.id, 999999] } });
    assert.equal(unknown.status, 400);
    assert.deepEqual(unknown.body.error.fields.map((f: any) => f.path), ['body.rewardIds.1']);
    const noAddress = await api.call('POST', url, { body: { rewardIds: [rewards[0]!.id, rewards[3]!.id] } });
    assert.equal(noAddress.status, 409);
    assert.deepEqual(noAddress.body.error.fields.map((f: any) => f.path), ['body.rewardIds.1']);
    assert.equal((await api.call('POST', url, { body: { rewardIds: [] } })).status, 400);
    assert.equal((await api.call('POST', url, { as: 'viewer', body: { rewardIds: [rewards[0]!.id] } })).status, 403);
    assert.deepEqual(await statuses(), before, 'refused batches change nothing');

    const ok = await api.call('POST', url, { body: { rewardIds: [rewards[0]!.id, rewards[1]!.id, service.id] } });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.deepEqual(ok.body, { issued: 3, alreadyIssued: 0 });
    const again = await api.call('POST', url, { body: { rewardIds: [rewards[1]!.id, rewards[2]!.id] } });
    assert.deepEqual(again.body, { issued: 1, alreadyIssued: 1 });
    const row = await db.query<{ issuedBy: string }>('SELECT issued_by AS "issuedBy" FROM rewards WHERE id = $1', [rewards[0]!.id]);
    assert.equal(row.rows[0]!.issuedBy, api.ws.users.operator.id);

    const page1 = await api.call('GET', `${api.url(`/campaigns/${c.id}/rewards`)}?status=issued&limit=2`, { as: 'viewer' });
    assert.equal(page1.body.items.length, 2);
    assert.ok(page1.body.nextCursor);
    const page2 = await api.call('GET', `${api.url(`/campaigns/${c.id}/rewards`)}?status=issued&limit=2&cursor=${page1.body.nextCursor}`, { as: 'viewer' });
    assert.equal(page2.body.items.length, 2);
    assert.equal(page2.body.nextCursor, null);
    const all = [...page1.body.items, ...page2.body.items];
    assert.ok(all.every((r: any) => r.status === 'issued' && r.participant.externalUserId.startsWith('issue')));
    assert.equal(new Set(all.map((r: any) => r.id)).size, 4);
    const reserved = await api.call('GET', `${api.url(`/campaigns/${c.id}/rewards`)}?status=reserved`);
    assert.deepEqual(reserved.body.items.map((r: any) => r.id), [rewards[3]!.id]);
    assert.equal((await api.call('GET', `${api.url(`/campaigns/${c.id}/rewards`)}?cursor=nonsense`)).status, 400);
  });
});
