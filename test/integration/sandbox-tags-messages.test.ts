// Contract: corp customer tags (reference §3.5) and app messages to staff (reference §5).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_CORPID, makePeople, startTestSandbox } from '../helpers/sandbox.ts';
import type { Json, TestSandbox } from '../helpers/sandbox.ts';

describe('sandbox WeCom tags and app messages', () => {
  let sb: TestSandbox;
  let token: string;
  let agentToken: string;
  const call = (path: string, body?: unknown) => sb.wecom(`/cgi-bin/externalcontact/${path}?access_token=${token}`, body);
  const send = (body: Json, t = agentToken) => sb.wecom(`/cgi-bin/message/send?access_token=${t}`, body);

  before(async () => {
    sb = await startTestSandbox({ limits: { appMessagesPerMemberPerMinute: 2 } });
    token = await sb.token();
    agentToken = await sb.token('agent');
  });
  after(() => sb.close());

  it('adds tags to new and existing groups, collapsing duplicates', async () => {
    const a = await call('add_corp_tag', { group_name: '裂变进度', order: 5, tag: [{ name: '已助力1人' }, { name: '已助力3人', order: 2 }, { name: '已助力1人' }] });
    assert.equal(a.errcode, 0);
    assert.equal(a.tag_group.group_name, '裂变进度');
    assert.equal(a.tag_group.tag.length, 2);
    assert.match(a.tag_group.group_id, /^et/);
    const b = await call('add_corp_tag', { group_name: '裂变进度', tag: [{ name: '已助力3人' }, { name: '已领奖' }] });
    assert.equal(b.tag_group.group_id, a.tag_group.group_id);
    assert.equal(b.tag_group.tag[0].id, a.tag_group.tag[1].id, 'an existing name returns the existing tag');
    const c = await call('add_corp_tag', { group_id: a.tag_group.group_id, tag: [{ name: '黑名单' }] });
    assert.equal(c.errcode, 0);

    const all = await call('get_corp_tag_list', {});
    assert.equal(all.tag_group.length, 1);
    assert.deepEqual(all.tag_group[0].tag.map((t: Json) => t.name), ['已助力3人', '已助力1人', '已领奖', '黑名单']);
    assert.equal(all.tag_group[0].deleted, false);
    const byTag = await call('get_corp_tag_list', { tag_id: [a.tag_group.tag[0].id] });
    assert.equal(byTag.tag_group[0].tag.length, 1);
    const byGroup = await call('get_corp_tag_list', { tag_id: [a.tag_group.tag[0].id], group_id: [a.tag_group.group_id] });
    assert.equal(byGroup.tag_group[0].tag.length, 4, 'group_id wins over tag_id');
  });

  it('validates tag input', async () => {
    assert.equal((await call('add_corp_tag', { group_name: 'g', tag: [] })).errcode, 40058);
    assert.equal((await call('add_corp_tag', { tag: [{ name: 'x' }] })).errcode, 40058);
    assert.equal((await call('add_corp_tag', { group_name: 'g', tag: [{ name: 'n'.repeat(31) }] })).errcode, 40058);
    assert.equal((await call('add_corp_tag', { group_id: 'etNOPE', tag: [{ name: 'x' }] })).errcode, 40068);
  });

  it('edits and deletes tags; deleting the last tag removes its group', async () => {
    const g = (await call('add_corp_tag', { group_name: '临时', tag: [{ name: 'a' }, { name: 'b' }] })).tag_group;
    assert.equal((await call('edit_corp_tag', { id: g.tag[0].id, name: 'b' })).errcode, 40071);
    assert.equal((await call('edit_corp_tag', { id: g.tag[0].id, name: 'a2', order: 9 })).errcode, 0);
    assert.equal((await call('edit_corp_tag', { id: 'etNOPE', name: 'z' })).errcode, 40068);
    assert.equal((await call('del_corp_tag', {})).errcode, 40058);
    assert.equal((await call('del_corp_tag', { tag_id: [g.tag[0].id, g.tag[1].id] })).errcode, 0);
    const all = await call('get_corp_tag_list', {});
    assert.ok(!all.tag_group.some((x: Json) => x.group_id === g.group_id));
  });

  it('marks tags on a customer, visible in externalcontact/get', async () => {
    const [p] = await makePeople(sb, 1, 21);
    const w = await call('add_contact_way', { type: 1, scene: 2, user: ['ZhangWei'] });
    const added = (await sb.api('POST', '/actions/scan', { person_id: p!.id, qr_url: w.qr_code })).body;
    const tags = (await call('get_corp_tag_list', {})).tag_group[0].tag;
    const ext = added.external_userid;
    assert.equal((await call('mark_tag', { userid: 'ZhangWei', external_userid: ext, add_tag: [tags[0].id, tags[1].id] })).errcode, 0);
    assert.equal((await call('mark_tag', { userid: 'ZhangWei', external_userid: ext, remove_tag: [tags[0].id] })).errcode, 0);
    const detail = await sb.wecom(`/cgi-bin/externalcontact/get?access_token=${token}&external_userid=${ext}`);
    assert.deepEqual(detail.follow_user[0].tags, [{ group_name: '裂变进度', tag_name: tags[1].name, tag_id: tags[1].id, type: 1 }]);
    assert.equal((await call('mark_tag', { userid: 'ZhangWei', external_userid: ext })).errcode, 40058);
    assert.equal((await call('mark_tag', { userid: 'WangFang', external_userid: ext, add_tag: [tags[0].id] })).errcode, 84061);
    assert.equal((await call('mark_tag', { userid: 'ZhangWei', external_userid: ext, add_tag: ['etNOPE'] })).errcode, 40068);
    assert.equal((await call('mark_tag', { userid: 'Nobody', external_userid: ext, add_tag: [tags[0].id] })).errcode, 40003);
  });

  it('sends app messages to staff, reporting invalid recipients', async () => {
    const r = await send({ touser: 'ZhangWei|ghost', toparty: '1', msgtype: 'text', agentid: 1000002, text: { content: '新客户已助力' } });
    assert.equal(r.errcode, 0);
    assert.equal(r.invaliduser, 'ghost');
    assert.equal(r.invalidparty, '');
    assert.ok(r.msgid);
    const log = (await sb.api('GET', `/corps/${DEMO_CORPID}/messages?to=WangFang&kind=app_message`)).body.messages;
    assert.equal(log.length, 1, 'party 1 reached the other staff');
    assert.equal((await send({ touser: 'ghost', msgtype: 'text', agentid: 1000002, text: { content: 'x' } })).errcode, 81013);
    assert.equal((await send({ touser: '@all', msgtype: 'text', agentid: 1000003, text: { content: 'x' } })).errcode, 40056);
    assert.equal((await send({ touser: '@all', msgtype: 'text', agentid: 1000002, text: { content: 'x' } }, token)).errcode, 40056, 'the contact secret cannot send app messages');
    assert.equal((await send({ touser: '@all', msgtype: 'bogus', agentid: 1000002 })).errcode, 40008);
    assert.equal((await send({ touser: '@all', msgtype: 'text', agentid: 1000002, text: { content: '' } })).errcode, 44004);
    assert.equal((await send({ msgtype: 'text', agentid: 1000002, text: { content: 'x' } })).errcode, 40058);
  });

  it('truncates long text and silently drops over 30 a minute (2 in this test)', async () => {
    await sb.api('POST', '/clock/advance', { seconds: 60 });
    agentToken = await sb.token('agent');
    for (let i = 0; i < 3; i++) assert.equal((await send({ touser: 'LiuYang', msgtype: 'text', agentid: 1000002, text: { content: `${i}${'长'.repeat(1000)}` } })).errcode, 0);
    const log = (await sb.api('GET', `/corps/${DEMO_CORPID}/messages?to=LiuYang&kind=app_message`)).body.messages.filter((m: Json) => m.content.text.content.endsWith('长'));
    assert.deepEqual(log.map((m: Json) => m.content.text.content[0]), ['0', '1']);
    assert.ok(Buffer.byteLength(log[0].content.text.content) <= 2048);
  });
});
