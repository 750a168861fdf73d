// Staff and corp tags: the admin API that stands in for the WeCom sync, and what campaigns may use.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachEngine } from '../helpers/db.ts';
import { startAdminApi, type AdminApi } from '../helpers/admin-api.ts';
import { campaignInput } from '../../src/db/seeders/task-fission-campaign.ts';
import { syncStaff } from '../../src/modules/staff/sync-staff.ts';

describeEachEngine('staff and corp tags API', (ctx) => {
  let api: AdminApi;
  before(async () => {
    api = await startAdminApi(ctx().db, 'staff');
  });
  after(async () => api.close());

  const staffList = async () => (await api.call('GET', api.url('/staff'), { as: 'viewer' })).body.staff.map((s: any) => [s.userid, s.active]);

  test('replacing the list upserts the listed members and deactivates the others', async () => {
    const r1 = await api.call('PUT', api.url('/staff'), { body: { staff: [{ userid: 'zhangsan', name: '张三' }, { userid: 'lisi', name: '李四', avatar: 'https://wework.qpic.cn/a.png' }, { userid: 'wangwu', name: '王五' }] } });
    assert.equal(r1.status, 200, JSON.stringify(r1.body));
    assert.deepEqual(r1.body, { upserted: 3, deactivated: 0 });
    const r2 = await api.call('PUT', api.url('/staff'), { body: { staff: [{ userid: 'zhangsan', name: '张三丰' }, { userid: 'lisi', name: '李四' }] } });
    assert.deepEqual(r2.body, { upserted: 2, deactivated: 1 });
    assert.deepEqual(await staffList(), [['lisi', true], ['wangwu', false], ['zhangsan', true]]);
    const all = (await api.call('GET', api.url('/staff'))).body.staff;
    assert.equal(all.find((s: any) => s.userid === 'zhangsan').name, '张三丰');
    assert.equal(all.find((s: any) => s.userid === 'lisi').avatar, null, 'a sync replaces the avatar too');
  });

  test('a deactivated member cannot be put on a campaign; upserting them active again allows it', async () => {
    const body = campaignInput(new Date(), { channel: { type: 'wecom', staffUserIds: ['wangwu'] }, tiers: [{ target: 2, reward: { type: 'physical', name: '杯' }, stock: 5 }] });
    const refused = await api.call('POST', api.url('/campaigns'), { body });
    assert.equal(refused.status, 400);
    assert.deepEqual(refused.body.error.fields.map((f: any) => f.path), ['body.channel.staffUserIds.0']);
    const up = await api.call('PUT', api.url('/staff/wangwu'), { body: { name: '王五', active: true } });
    assert.equal(up.status, 200, JSON.stringify(up.body));
    assert.equal(up.body.active, true);
    assert.equal((await api.call('POST', api.url('/campaigns'), { body })).status, 201);
  });

  test('bad staff input → 400 naming the field, nothing changed; viewers cannot write', async () => {
    const before = await staffList();
    const cases: Array<[string, string, object, string]> = [
      ['PUT', '/staff', { staff: [{ userid: 'a', name: 'A' }, { userid: 'a', name: 'B' }] }, 'body.staff.1.userid'],
      ['PUT', '/staff', { staff: [{ userid: 'has space', name: 'A' }] }, 'body.staff.0.userid'],
      ['PUT', '/staff', { staff: [{ userid: 'ok', name: '' }] }, 'body.staff.0.name'],
      ['PUT', '/staff/zhao', { name: '赵', avatar: 'ftp://x' }, 'body.avatar'],
      ['PUT', '/staff/bad%20id', { name: '赵' }, 'params.userid'],
    ];
    for (const [method, path, body, field] of cases) {
      const r = await api.call(method as 'PUT', api.url(path), { body });
      assert.equal(r.status, 400, `${path} ${JSON.stringify(body)}`);
      assert.ok(r.body.error.fields.some((f: any) => f.path === field), `${field}: ${JSON.stringify(r.body.error.fields)}`);
    }
    assert.equal((await api.call('PUT', api.url('/staff/zhao'), { as: 'viewer', body: { name: '赵' } })).status, 403);
    assert.deepEqual(await staffList(), before);
  });

  test('corp tags: replaced as a list; campaigns may only use active ones', async () => {
    const r = await api.call('PUT', api.url('/corp-tags'), { body: { tags: [{ tagId: 'etA', name: '裂变用户', groupName: '活动' }, { tagId: 'etB', name: '老客' }] } });
    assert.deepEqual(r.body, { upserted: 2, deactivated: 0 });
    await api.call('PUT', api.url('/corp-tags'), { body: { tags: [{ tagId: 'etA', name: '裂变用户', groupName: '活动' }] } });
    const tags = (await api.call('GET', api.url('/corp-tags'), { as: 'viewer' })).body.tags;
    assert.deepEqual(tags.map((t: any) => [t.tagId, t.active]), [['etB', false], ['etA', true]]);

    const body = (joinTagIds: string[]) => campaignInput(new Date(), { channel: { type: 'wecom', staffUserIds: ['zhangsan'] }, tiers: [{ target: 2, reward: { type: 'physical', name: '杯' }, stock: 5 }], rules: { joinTagIds } });
    const refused = await api.call('POST', api.url('/campaigns'), { body: body(['etA', 'etB']) });
    assert.deepEqual(refused.body.error.fields.map((f: any) => f.path), ['body.rules.joinTagIds.1']);
    assert.equal((await api.call('POST', api.url('/campaigns'), { body: body(['etA']) })).status, 201);
    const dup = await api.call('PUT', api.url('/corp-tags'), { body: { tags: [{ tagId: 'etC', name: 'c' }, { tagId: 'etC', name: 'd' }] } });
    assert.deepEqual(dup.body.error.fields.map((f: any) => f.path), ['body.tags.1.tagId']);
  });

  test('syncStaff (what the WeCom sync calls) validates the whole list before writing', async () => {
    const { db } = ctx();
    const before = await staffList();
    await assert.rejects(
      db.transaction((tx) => syncStaff(tx, api.ws.workspaceId, [{ userid: 'ok1', name: 'ok' }, { userid: '', name: 'x' }])),
      (err: any) => err.code === 'validation_failed' && err.fields[0].path === '1.userid',
    );
    assert.deepEqual(await staffList(), before);
    const empty = await db.transaction((tx) => syncStaff(tx, api.ws.workspaceId, []));
    assert.equal(empty.deactivated, before.filter(([, active]: [string, boolean]) => active).length, 'an empty directory deactivates everyone');
  });
});
