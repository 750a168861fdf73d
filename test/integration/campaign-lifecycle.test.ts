// Campaign admin API end to end over a real database: create with every kind of bad input,
// roles, publish → scheduled/running, frozen fields, end early, delete, copy, sold out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachEngine } from '../helpers/db.ts';
import { startAdminApi, type AdminApi } from '../helpers/admin-api.ts';
import { campaignInput, seedStaff } from '../../src/db/seeders/task-fission-campaign.ts';
import { seedParticipant } from '../../src/db/seeders/task-fission-activity.ts';
import { reserveReward } from '../../src/modules/reward/reserve-reward.ts';

const HOUR = 3_600_000;

describeEachEngine('campaign lifecycle API', (ctx) => {
  let api: AdminApi;
  const campaigns = () => api.url('/campaigns');
  const countRows = async () => (await ctx().db.query<{ n: number }>('SELECT count(*)::int AS n FROM campaigns')).rows[0]!.n;
  const create = async (patch = {}, now = new Date()) => api.call('POST', campaigns(), { body: campaignInput(now, patch) });

  before(async () => {
    api = await startAdminApi(ctx().db, 'lifecycle');
    await seedStaff(ctx().db, api.ws.workspaceId);
  });
  after(async () => api.close());

  test('an operator creates a draft; it reads back with status, actions and stock, and is listed', async () => {
    const r = await create();
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.status, 'draft');
    assert.deepEqual(r.body.allowedActions, ['edit', 'publish', 'delete', 'copy']);
    assert.deepEqual(r.body.tiers.map((t: any) => [t.tierNo, t.target, t.stockTotal, t.stockLeft]), [[1, 3, 100, 100], [2, 6, 20, 20]]);
    assert.equal(r.body.config.rules.helpsPerHelper, 1, 'defaults are filled in');
    assert.equal(r.body.createdBy, api.ws.users.operator.id);

    const got = await api.call('GET', `${campaigns()}/${r.body.id}`, { as: 'viewer' });
    assert.equal(got.status, 200);
    assert.deepEqual(got.body, r.body);
    const list = await api.call('GET', campaigns(), { as: 'viewer' });
    const item = list.body.campaigns.find((c: any) => c.id === r.body.id);
    assert.equal(item.participants, 0);
    assert.equal(item.completed, 0);
    assert.equal(item.stockLeft, 120);
  });

  const badInputs: Array<[string, object, string]> = [
    ['end before start', { startAt: '2030-01-02T00:00:00Z', endAt: '2030-01-01T00:00:00Z' }, 'body.endAt'],
    ['target of 0', { tiers: [{ target: 0, reward: { type: 'physical', name: '杯' }, stock: 1 }] }, 'body.tiers.0.target'],
    ['targets not rising', { tiers: [{ target: 5, reward: { type: 'physical', name: '杯' }, stock: 1 }, { target: 5, reward: { type: 'physical', name: '包' }, stock: 1 }] }, 'body.tiers.1.target'],
    ['negative stock', { tiers: [{ target: 3, reward: { type: 'physical', name: '杯' }, stock: -1 }] }, 'body.tiers.0.stock'],
    ['staff not in the workspace', { channel: { type: 'wecom', staffUserIds: ['zhangsan', 'wangwu'] } }, 'body.channel.staffUserIds.1'],
    ['service staff not in the workspace', { tiers: [{ target: 3, reward: { type: 'customer_service', name: '礼', contact: { type: 'staff', userId: 'ghost' } }, stock: 1 }] }, 'body.tiers.0.reward.contact.userId'],
    ['unknown corp tag', { rules: { joinTagIds: ['etNope'] } }, 'body.rules.joinTagIds.0'],
    ['unknown code pool', { tiers: [{ target: 3, reward: { type: 'redeem_code', name: '月卡', codePoolId: 999999 }, stock: 1 }] }, 'body.tiers.0.reward.codePoolId'],
    ['unsupported channel', { channel: { type: 'oa' } }, 'body.channel.type'],
    ['empty name', { name: '  ' }, 'body.name'],
  ];
  for (const [what, patch, field] of badInputs) {
    test(`${what} → 400 naming ${field}, nothing stored`, async () => {
      const before = await countRows();
      const r = await create(patch);
      assert.equal(r.status, 400, JSON.stringify(r.body));
      assert.equal(r.body.error.code, 'validation_failed');
      assert.ok(r.body.error.fields.some((f: any) => f.path === field), `${field} in ${JSON.stringify(r.body.error.fields)}`);
      assert.equal(await countRows(), before);
    });
  }

  test('a pool with too few codes for the stock → 400 on the stock field', async () => {
    const pool = await api.call('POST', api.url('/code-pools'), { body: { name: '月卡' } });
    await api.call('POST', api.url(`/code-pools/${pool.body.id}/codes`), { body: { codes: ['A1', 'A2'] } });
    const tiers = [{ target: 3, reward: { type: 'redeem_code', name: '月卡', codePoolId: pool.body.id }, stock: 3 }];
    const r = await create({ tiers });
    assert.equal(r.status, 400);
    assert.deepEqual(r.body.error.fields.map((f: any) => f.path), ['body.tiers.0.stock']);
    assert.equal((await create({ tiers: [{ ...tiers[0], stock: 2 }] })).status, 201);
  });

  test('roles: viewers cannot create, strangers are 401, other workspaces 404', async () => {
    const before = await countRows();
    assert.equal((await api.call('POST', campaigns(), { as: 'viewer', body: campaignInput(new Date()) })).status, 403);
    assert.equal((await api.call('POST', campaigns(), { as: null, body: campaignInput(new Date()) })).status, 401);
    assert.equal((await api.call('GET', '/api/admin/workspaces/elsewhere/campaigns')).status, 404);
    assert.equal(await countRows(), before);
  });

  test('publish: start ahead → scheduled, start passed → running; publishing twice → 409', async () => {
    const now = new Date();
    const later = await create({ startAt: new Date(now.getTime() + 24 * HOUR).toISOString() });
    const p1 = await api.call('POST', `${campaigns()}/${later.body.id}/publish`);
    assert.equal(p1.status, 200, JSON.stringify(p1.body));
    assert.equal(p1.body.status, 'scheduled');
    assert.ok(p1.body.publishedAt);
    assert.deepEqual(p1.body.allowedActions, ['edit', 'end', 'copy']);

    const live = await create();
    const p2 = await api.call('POST', `${campaigns()}/${live.body.id}/publish`);
    assert.equal(p2.body.status, 'running');
    const again = await api.call('POST', `${campaigns()}/${live.body.id}/publish`);
    assert.equal(again.status, 409);
    assert.match(again.body.error.message, /cannot publish a running campaign/);
    assert.equal((await api.call('POST', `${campaigns()}/${live.body.id}/publish`, { as: 'viewer' })).status, 403);
  });

  test('publishing a draft whose end has passed or whose staff left → 409 naming the field', async () => {
    const past = await create({ startAt: new Date(Date.now() - 48 * HOUR).toISOString(), endAt: new Date(Date.now() - HOUR).toISOString() });
    const r = await api.call('POST', `${campaigns()}/${past.body.id}/publish`);
    assert.equal(r.status, 409);
    assert.deepEqual(r.body.error.fields.map((f: any) => f.path), ['endAt']);

    await api.call('PUT', api.url('/staff/temp01'), { body: { name: '临时' } });
    const d = await create({ channel: { type: 'wecom', staffUserIds: ['temp01'] } });
    await api.call('PUT', api.url('/staff/temp01'), { body: { name: '临时', active: false } });
    const r2 = await api.call('POST', `${campaigns()}/${d.body.id}/publish`);
    assert.equal(r2.status, 409);
    assert.deepEqual(r2.body.error.fields.map((f: any) => f.path), ['channel.staffUserIds.0']);
    assert.equal((await api.call('GET', `${campaigns()}/${d.body.id}`)).body.status, 'draft');
  });

  test('edit: anything in a draft; after publishing targets are frozen (409 naming the field), stock and name may change', async () => {
    const c = await create();
    const url = `${campaigns()}/${c.body.id}`;
    const moved = campaignInput(new Date(), { tiers: [{ target: 4, reward: { type: 'physical', name: '保温杯' }, stock: 50 }] });
    const e1 = await api.call('PUT', url, { body: moved });
    assert.equal(e1.status, 200, JSON.stringify(e1.body));
    assert.deepEqual(e1.body.tiers.map((t: any) => [t.tierNo, t.target, t.stockTotal]), [[1, 4, 50]], 'a draft may drop a tier');
    assert.equal(e1.body.configVersion, 2);

    await api.call('POST', `${url}/publish`);
    const frozen = await api.call('PUT', url, { body: { ...moved, tiers: [{ ...moved.tiers[0], target: 5 }] } });
    assert.equal(frozen.status, 409);
    assert.deepEqual(frozen.body.error.fields.map((f: any) => f.path), ['body.tiers.0.target']);
    const unchanged = await api.call('GET', url);
    assert.equal(unchanged.body.configVersion, 2, 'publishing does not bump the version; the refused edit changed nothing');
    assert.equal(unchanged.body.tiers[0].target, 4);

    const renamed = await api.call('PUT', url, { body: { ...moved, name: '新名字', tiers: [{ ...moved.tiers[0], stock: 80 }] } });
    assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
    assert.equal(renamed.body.name, '新名字');
    assert.equal(renamed.body.tiers[0].stockTotal, 80);
    assert.equal(renamed.body.status, 'running');
  });

  test('edit with a stale If-Match version → 409; stock below what was awarded → 409 on the stock field', async () => {
    const body = campaignInput(new Date());
    const c = await api.call('POST', campaigns(), { body });
    const url = `${campaigns()}/${c.body.id}`;
    await api.call('POST', `${url}/publish`);
    const stale = await api.call('PUT', url, { body, headers: { 'if-match': '"7"' } });
    assert.equal(stale.status, 409);
    assert.match(stale.body.error.message, /changed meanwhile/);

    const { db } = ctx();
    const ids = [];
    for (const who of ['wm_a', 'wm_b']) ids.push(await seedParticipant(db, { workspaceId: api.ws.workspaceId, campaignId: c.body.id, externalUserId: who }));
    for (const id of ids) await db.transaction((tx) => reserveReward(tx, id, 2));
    const low = await api.call('PUT', url, { body: { ...body, tiers: [body.tiers[0], { ...body.tiers[1], stock: 1 }] }, headers: { 'if-match': '1' } });
    assert.equal(low.status, 409);
    assert.deepEqual(low.body.error.fields.map((f: any) => f.path), ['body.tiers.1.stock']);
    const ok = await api.call('PUT', url, { body: { ...body, tiers: [body.tiers[0], { ...body.tiers[1], stock: 2 }] }, headers: { 'if-match': '1' } });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.tiers[1].stockLeft, 0);
  });

  test('end early: running → ended (ended_early); ending or editing again → 409', async () => {
    const c = await create();
    const url = `${campaigns()}/${c.body.id}`;
    await api.call('POST', `${url}/publish`);
    const ended = await api.call('POST', `${url}/end`);
    assert.equal(ended.status, 200);
    assert.equal(ended.body.status, 'ended');
    assert.equal(ended.body.endReason, 'ended_early');
    assert.ok(ended.body.endedAt);
    assert.deepEqual(ended.body.allowedActions, ['delete', 'copy']);
    assert.equal((await api.call('POST', `${url}/end`)).status, 409);
    assert.equal((await api.call('PUT', url, { body: campaignInput(new Date()) })).status, 409);
    assert.equal((await api.call('POST', `${url}/end`, { as: 'viewer' })).status, 403);
  });

  test('delete: only drafts and ended campaigns, only owners; deleted campaigns are gone from reads', async () => {
    const running = await create();
    await api.call('POST', `${campaigns()}/${running.body.id}/publish`);
    const r1 = await api.call('DELETE', `${campaigns()}/${running.body.id}`, { as: 'owner' });
    assert.equal(r1.status, 409);
    assert.match(r1.body.error.message, /cannot delete a running campaign/);

    const draft = await create();
    assert.equal((await api.call('DELETE', `${campaigns()}/${draft.body.id}`, { as: 'operator' })).status, 403);
    assert.equal((await api.call('DELETE', `${campaigns()}/${draft.body.id}`, { as: 'owner' })).status, 204);
    assert.equal((await api.call('GET', `${campaigns()}/${draft.body.id}`)).status, 404);
    assert.ok(!(await api.call('GET', campaigns())).body.campaigns.some((c: any) => c.id === draft.body.id));

    await api.call('POST', `${campaigns()}/${running.body.id}/end`);
    assert.equal((await api.call('DELETE', `${campaigns()}/${running.body.id}`, { as: 'owner' })).status, 204);
    assert.equal((await api.call('POST', `${campaigns()}/${running.body.id}/copy`)).status, 404);
  });

  test('copy: a running campaign becomes a new draft with the same settings', async () => {
    const c = await create({ name: '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十' });
    await api.call('POST', `${campaigns()}/${c.body.id}/publish`);
    const copy = await api.call('POST', `${campaigns()}/${c.body.id}/copy`);
    assert.equal(copy.status, 201, JSON.stringify(copy.body));
    assert.notEqual(copy.body.id, c.body.id);
    assert.equal(copy.body.status, 'draft');
    assert.equal([...copy.body.name].length, 50);
    assert.match(copy.body.name, / 副本$/);
    const { name: _a, ...restCopy } = copy.body.config;
    const { name: _b, ...restSource } = c.body.config;
    assert.deepEqual(restCopy, restSource);
    assert.equal(copy.body.tiers[0].stockLeft, 100);
  });

  test('taking the last unit of every tier ends the campaign as sold out', async () => {
    const tiers = [{ target: 1, reward: { type: 'physical', name: '杯' }, stock: 1 }, { target: 2, reward: { type: 'physical', name: '包' }, stock: 0 }];
    const c = await create({ tiers });
    await api.call('POST', `${campaigns()}/${c.body.id}/publish`);
    const { db } = ctx();
    const p = await seedParticipant(db, { workspaceId: api.ws.workspaceId, campaignId: c.body.id, externalUserId: 'wm_last' });
    await db.transaction((tx) => reserveReward(tx, p, 1));
    const r = await api.call('GET', `${campaigns()}/${c.body.id}`);
    assert.equal(r.body.status, 'ended');
    assert.equal(r.body.endReason, 'sold_out');
    assert.ok(r.body.endedAt);
    assert.equal(r.body.stockLeft, 0);
  });

  test('the OpenAPI document describes the campaign routes and the settings body', async () => {
    const doc = (await api.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const post = doc.paths['/api/admin/workspaces/{workspace}/campaigns'].post;
    const body = post.requestBody.content['application/json'].schema;
    const schema = body.$ref ? doc.components.schemas[body.$ref.split('/').pop()] : body;
    assert.ok(schema.properties.tiers, JSON.stringify(schema).slice(0, 300));
    for (const p of ['/campaigns/{campaignId}/stats', '/campaigns/{campaignId}/participants', '/campaigns/{campaignId}/rewards/issue', '/code-pools/{poolId}/codes', '/staff']) {
      assert.ok(doc.paths[`/api/admin/workspaces/{workspace}${p}`], p);
    }
  });
});
