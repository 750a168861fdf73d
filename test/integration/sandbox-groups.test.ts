// Contract: customer groups, join ways, group QR joining with the scan cap and auto-created rooms,
// change_external_chat callbacks, group welcome templates (reference §4).
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { DEMO_CORPID, connectReceiver, makePeople, startTestSandbox } from '../helpers/sandbox.ts';
import type { CallbackReceiver, Json, TestSandbox } from '../helpers/sandbox.ts';

describe('sandbox WeCom customer groups', () => {
  let sb: TestSandbox;
  let rcv: CallbackReceiver;
  let token: string;
  let people: Json[];
  const call = (path: string, body?: unknown, t = token) => sb.wecom(`/cgi-bin/externalcontact/${path}?access_token=${t}`, body);
  const newGroup = async (name: string, owner = 'WangFang', extra: Json = {}) => (await sb.api('POST', `/corps/${DEMO_CORPID}/groups`, { owner, name, wait: true, ...extra })).body.group as Json;
  const join = async (p: Json, qr: string) => (await sb.api('POST', '/actions/scan', { person_id: p.id, qr_url: qr, wait: true })).body;
  const qrOf = async (configId: string) => (await call('groupchat/get_join_way', { config_id: configId })).join_way.qr_code as string;

  before(async () => {
    sb = await startTestSandbox({ limits: { groupScanCap: 3, joinWayMaxChats: 5 } });
    rcv = await connectReceiver(sb);
    token = await sb.token();
    people = await makePeople(sb, 12, 8);
  });
  after(async () => {
    await rcv.close();
    await sb.close();
  });
  beforeEach(() => {
    rcv.received.length = 0;
  });

  it('creates a group (create event) and reads it through groupchat/list and get', async () => {
    const g = await newGroup('福利1群', 'WangFang', { staff: ['LiNa'] });
    const [ev] = await rcv.waitFor(1);
    assert.deepEqual({ ...ev!.event, createTime: 0 }, { kind: 'change_external_chat', toUserName: DEMO_CORPID, fromUserName: 'sys', createTime: 0, chatId: g.chatId, changeType: 'create' });
    const list = await call('groupchat/list', { limit: 10 });
    assert.deepEqual(list.group_chat_list, [{ chat_id: g.chatId, status: 0 }]);
    assert.equal(list.next_cursor, '');
    const got = (await call('groupchat/get', { chat_id: g.chatId, need_name: 1 })).group_chat;
    assert.equal(got.name, '福利1群');
    assert.equal(got.owner, 'WangFang');
    assert.deepEqual(got.member_list.map((m: Json) => [m.userid, m.type, m.join_scene, m.name]), [['WangFang', 1, 1, '王芳'], ['LiNa', 1, 1, '李娜']]);
    assert.deepEqual(got.member_list[1].invitor, { userid: 'WangFang' });
    assert.match(got.member_version, /^[0-9a-f]{32}$/);
    const noName = (await call('groupchat/get', { chat_id: g.chatId })).group_chat;
    assert.equal(noName.member_list[0].name, undefined);
  });

  it('validates groupchat list/get', async () => {
    assert.equal((await call('groupchat/list', {})).errcode, 40058, 'limit is required');
    assert.equal((await call('groupchat/list', { limit: 1001 })).errcode, 40058);
    assert.equal((await call('groupchat/list', { limit: 10, owner_filter: { userid_list: ['Nobody'] } })).group_chat_list.length, 0);
    assert.equal((await call('groupchat/get', {})).errcode, 40050);
    assert.equal((await call('groupchat/get', { chat_id: 'wrNOPE' })).errcode, 40050);
  });

  it('manages join ways: add/get/update/del and their errors', async () => {
    const g = await newGroup('规则群');
    const add = await call('groupchat/add_join_way', { scene: 2, chat_id_list: [g.chatId], state: 'grp_t1', room_base_name: '裂变群', room_base_id: 10, remark: 'r'.repeat(40) });
    assert.equal(add.errcode, 0);
    const got = (await call('groupchat/get_join_way', { config_id: add.config_id })).join_way;
    assert.equal(got.scene, 2);
    assert.equal(got.auto_create_room, 1, 'auto_create_room defaults to 1');
    assert.equal(got.room_base_id, 10);
    assert.equal(got.remark.length, 30, 'a long remark is truncated');
    assert.equal(got.state, 'grp_t1');
    assert.match(got.qr_code, /\/img\/qr\//);
    assert.equal((await call('groupchat/update_join_way', { config_id: add.config_id, scene: 2, chat_id_list: [g.chatId], auto_create_room: 0 })).errcode, 0);
    const updated = (await call('groupchat/get_join_way', { config_id: add.config_id })).join_way;
    assert.equal(updated.auto_create_room, 0);
    assert.equal(updated.state, '', 'update overwrites every field');
    const cases: [Json, number][] = [
      [{ chat_id_list: [g.chatId] }, 41038],
      [{ scene: 3, chat_id_list: [g.chatId] }, 41040],
      [{ scene: 2 }, 40058],
      [{ scene: 2, chat_id_list: Array(6).fill(g.chatId) }, 40058],
      [{ scene: 2, chat_id_list: ['wrNOPE'] }, 40050],
      [{ scene: 2, chat_id_list: [g.chatId], state: 's'.repeat(31) }, 40058],
      [{ scene: 2, chat_id_list: [g.chatId], room_base_name: 'n'.repeat(41) }, 40058],
    ];
    for (const [body, code] of cases) assert.equal((await call('groupchat/add_join_way', body)).errcode, code, JSON.stringify(body));
    assert.equal((await call('groupchat/get_join_way', {})).errcode, 41043);
    const agent = await sb.token('agent');
    assert.equal((await call('groupchat/get_join_way', { config_id: add.config_id }, agent)).errcode, 41044, 'apps see only their own join ways');
    assert.equal((await call('groupchat/del_join_way', { config_id: add.config_id })).errcode, 0);
    assert.equal((await call('groupchat/get_join_way', { config_id: add.config_id })).errcode, 41044);
  });

  it('joins by QR: add_member with JoinScene 3, member list and versions, state on the member', async () => {
    const g = await newGroup('拼团群');
    rcv.received.length = 0;
    const way = await call('groupchat/add_join_way', { scene: 2, chat_id_list: [g.chatId], state: 'grp_q' });
    const r = await join(people[0]!, await qrOf(way.config_id));
    assert.equal(r.outcome, 'joined');
    assert.equal(r.chat_id, g.chatId);
    const [ev] = await rcv.waitFor(1);
    const e = ev!.event as Json;
    assert.equal(e.changeType, 'update');
    assert.equal(e.updateDetail, 'add_member');
    assert.equal(e.joinScene, 3);
    assert.equal(e.memChangeCnt, 1);
    assert.deepEqual(e.memChangeList, [r.external_userid]);
    assert.match(ev!.xml, /<MemChangeList><Item>wm[^<]+<\/Item><\/MemChangeList>/);
    const got = (await call('groupchat/get', { chat_id: g.chatId, need_name: 1 })).group_chat;
    assert.equal(e.curMemVer, got.member_version);
    assert.notEqual(e.lastMemVer, e.curMemVer);
    const m = got.member_list.find((x: Json) => x.userid === r.external_userid);
    assert.deepEqual({ ...m, join_time: 0 }, { userid: r.external_userid, type: 2, unionid: people[0]!.unionid, join_time: 0, join_scene: 3, group_nickname: '', name: people[0]!.nickname, state: 'grp_q' });
    const again = await join(people[0]!, await qrOf(way.config_id));
    assert.equal(again.outcome, 'already_member');
    assert.deepEqual(again.deliveries, []);
  });

  it('rotates to the next group at the scan cap, then auto-creates base name + n', async () => {
    const g1 = await newGroup('A群');
    const g2 = await newGroup('B群');
    rcv.received.length = 0;
    const way = await call('groupchat/add_join_way', { scene: 2, chat_id_list: [g1.chatId, g2.chatId], room_base_name: '裂变福利群', room_base_id: 7 });
    const qr = await qrOf(way.config_id);
    const joined: Json[] = [];
    // Cap 3 includes the owner: 2 customers per group, then a new room.
    for (let i = 1; i <= 6; i++) joined.push(await join(people[i]!, qr));
    assert.deepEqual(joined.map((j) => j.chat_id).slice(0, 4), [g1.chatId, g1.chatId, g2.chatId, g2.chatId]);
    assert.ok(joined[4]!.created_chat_id);
    assert.equal(joined[5]!.chat_id, joined[4]!.chat_id);
    const created = (await call('groupchat/get', { chat_id: joined[4]!.created_chat_id })).group_chat;
    assert.equal(created.name, '裂变福利群7');
    assert.equal(created.owner, 'WangFang');
    await rcv.waitFor(7);
    const kinds = rcv.received.map((x) => `${(x.event as Json).changeType}/${(x.event as Json).updateDetail ?? ''}`);
    assert.deepEqual(kinds, ['update/add_member', 'update/add_member', 'update/add_member', 'update/add_member', 'create/', 'update/add_member', 'update/add_member']);

    const closed = await call('groupchat/add_join_way', { scene: 2, chat_id_list: [g1.chatId], auto_create_room: 0 });
    const full = await join(people[7]!, await qrOf(closed.config_id));
    assert.equal(full.outcome, 'group_full');
  });

  it('leaves, is removed, and follows owner changes and dismissal', async () => {
    const g = await newGroup('退群测试');
    const way = await call('groupchat/add_join_way', { scene: 2, chat_id_list: [g.chatId] });
    const qr = await qrOf(way.config_id);
    const a = await join(people[8]!, qr);
    const b = await join(people[9]!, qr);
    rcv.received.length = 0;
    const left = (await sb.api('POST', '/actions/quit-group', { corpid: DEMO_CORPID, chat_id: g.chatId, person_id: people[8]!.id, wait: true })).body;
    assert.equal(left.outcome, 'left');
    const removed = (await sb.api('POST', '/actions/quit-group', { corpid: DEMO_CORPID, chat_id: g.chatId, person_id: people[9]!.id, removed_by: 'WangFang', wait: true })).body;
    assert.equal(removed.outcome, 'removed');
    const evs = (await rcv.waitFor(2)).map((x) => x.event as Json);
    assert.deepEqual(evs.map((e) => [e.updateDetail, e.quitScene, e.memChangeList[0]]), [['del_member', 0, a.external_userid], ['del_member', 1, b.external_userid]]);
    assert.equal((await sb.api('POST', '/actions/quit-group', { corpid: DEMO_CORPID, chat_id: g.chatId, person_id: people[9]!.id })).body.outcome, 'not_member');

    const h = await newGroup('改名测试', 'WangFang', { staff: ['LiNa'] });
    const forbidden = await sb.api('POST', '/actions/quit-group', { corpid: DEMO_CORPID, chat_id: h.chatId, userid: 'LiNa', removed_by: 'LiuYang' });
    assert.equal(forbidden.status, 403);
    rcv.received.length = 0;
    const ch = (await sb.api('POST', '/actions/change-group', { corpid: DEMO_CORPID, chat_id: h.chatId, name: '新名字', notice: '群公告', owner: 'LiNa', wait: true })).body;
    assert.equal(ch.deliveries.length, 3);
    const dis = (await sb.api('POST', '/actions/change-group', { corpid: DEMO_CORPID, chat_id: h.chatId, dismiss: true, wait: true })).body;
    assert.equal(dis.outcome, 'dismissed');
    const evs2 = (await rcv.waitFor(4)).map((x) => `${(x.event as Json).changeType}/${(x.event as Json).updateDetail ?? ''}`);
    assert.deepEqual(evs2, ['update/change_owner', 'update/change_name', 'update/change_notice', 'dismiss/']);
    assert.equal((await call('groupchat/get', { chat_id: h.chatId })).errcode, 49008);
    const list = await call('groupchat/list', { limit: 100 });
    assert.ok(!list.group_chat_list.some((x: Json) => x.chat_id === h.chatId));
    assert.equal((await sb.api('POST', '/actions/change-group', { corpid: DEMO_CORPID, chat_id: h.chatId, name: 'x' })).status, 404);
  });

  it('keeps group welcome templates: add/get/edit/del, 41055 and 41058', async () => {
    const up = new FormData();
    const png = Buffer.from(await (await fetch(people[0]!.avatar)).arrayBuffer());
    up.append('media', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'a.png');
    const media = await (await fetch(`${sb.url}/wecom/cgi-bin/media/upload?type=image&access_token=${token}`, { method: 'POST', body: up })).json();
    const add = await call('group_welcome_template/add', { text: { content: '欢迎 %NICKNAME% 入群' }, image: { media_id: media.media_id }, link: { title: 'ignored', url: 'https://x' } });
    assert.equal(add.errcode, 0);
    assert.match(add.template_id, /^msg/);
    const got = await call('group_welcome_template/get', { template_id: add.template_id });
    assert.equal(got.text.content, '欢迎 %NICKNAME% 入群');
    assert.match(got.image.pic_url, /\/img\/media\//);
    assert.equal(got.link, undefined, 'only the highest-priority attachment is kept');
    assert.equal((await call('group_welcome_template/edit', { template_id: add.template_id, text: { content: '新的欢迎语' } })).errcode, 0);
    assert.equal((await call('group_welcome_template/get', { template_id: add.template_id })).text.content, '新的欢迎语');
    const agent = await sb.token('agent');
    assert.equal((await call('group_welcome_template/edit', { template_id: add.template_id, text: { content: 'x' } }, agent)).errcode, 41058);
    assert.equal((await call('group_welcome_template/del', { template_id: add.template_id }, agent)).errcode, 41058);
    assert.equal((await call('group_welcome_template/add', {})).errcode, 44004);
    assert.equal((await call('group_welcome_template/add', { text: { content: '字'.repeat(1001) } })).errcode, 40058, 'over 3000 bytes on add');
    assert.equal((await call('group_welcome_template/del', { template_id: add.template_id })).errcode, 0);
    assert.equal((await call('group_welcome_template/get', { template_id: add.template_id })).errcode, 40058);
  });
});

describe('sandbox WeCom group welcome template cap', () => {
  it('answers 41055 past the per-corp cap', async () => {
    const sb = await startTestSandbox({ limits: { groupWelcomeTemplates: 2 } });
    try {
      const token = await sb.token();
      const add = () => sb.wecom(`/cgi-bin/externalcontact/group_welcome_template/add?access_token=${token}`, { text: { content: 'hi' } });
      assert.equal((await add()).errcode, 0);
      assert.equal((await add()).errcode, 0);
      assert.equal((await add()).errcode, 41055);
    } finally {
      await sb.close();
    }
  });
});
