// Contract: staff-confirmed group-send (add_msg_template) with one group-send per customer per day.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_CORPID, makePeople, startTestSandbox } from '../helpers/sandbox.ts';
import type { Json, TestSandbox } from '../helpers/sandbox.ts';

describe('sandbox WeCom group-send', () => {
  let sb: TestSandbox;
  let token: string;
  const ext: string[] = [];
  const call = (path: string, body?: unknown) => sb.wecom(`/cgi-bin/externalcontact/${path}?access_token=${token}`, body);
  const confirm = (msgid: string, userid: string) => sb.api('POST', '/actions/confirm-mass-send', { corpid: DEMO_CORPID, msgid, userid });

  before(async () => {
    sb = await startTestSandbox();
    token = await sb.token();
    const people = await makePeople(sb, 3, 4);
    const zw = await call('add_contact_way', { type: 1, scene: 2, user: ['ZhangWei'] });
    const wf = await call('add_contact_way', { type: 1, scene: 2, user: ['WangFang'] });
    for (const p of people) ext.push((await sb.api('POST', '/actions/scan', { person_id: p.id, qr_url: zw.qr_code })).body.external_userid);
    await sb.api('POST', '/actions/scan', { person_id: people[0]!.id, qr_url: wf.qr_code });
  });
  after(() => sb.close());

  it('creates pending tasks per staff member until each confirms', async () => {
    const r = await call('add_msg_template', { external_userid: [ext[0], ext[1], 'wmSTRANGER'], text: { content: '活动最后一天！' } });
    assert.equal(r.errcode, 0);
    assert.deepEqual(r.fail_list, ['wmSTRANGER']);
    const tasks = await call('get_groupmsg_task', { msgid: r.msgid });
    assert.deepEqual(tasks.task_list.map((t: Json) => [t.userid, t.status]).sort(), [['WangFang', 0], ['ZhangWei', 0]]);
    const before = await call('get_groupmsg_send_result', { msgid: r.msgid, userid: 'ZhangWei' });
    assert.deepEqual(before.send_list.map((x: Json) => x.status), [0, 0]);

    const done = (await confirm(r.msgid, 'ZhangWei')).body;
    assert.deepEqual(done.delivered, [ext[0], ext[1]]);
    const late = (await confirm(r.msgid, 'WangFang')).body;
    assert.deepEqual(late.limited, [ext[0]], 'the customer already got a group-send today');
    const result = await call('get_groupmsg_send_result', { msgid: r.msgid, userid: 'WangFang' });
    assert.deepEqual(result.send_list.map((x: Json) => [x.external_userid, x.status]), [[ext[0], 3]]);
    assert.equal((await confirm(r.msgid, 'ZhangWei')).status, 409);
    assert.equal((await confirm('msgNOPE', 'ZhangWei')).status, 404);

    const inbox = (await sb.api('GET', `/corps/${DEMO_CORPID}/messages?kind=mass_send&to=${ext[0]}`)).body.messages;
    assert.equal(inbox.length, 1);
  });

  it('allows the next group-send on the next day, and sends to all of a sender\'s customers', async () => {
    await sb.api('POST', '/clock/advance', { seconds: 86400 });
    token = await sb.token();
    const r = await call('add_msg_template', { sender: 'ZhangWei', text: { content: '第二天' } });
    assert.deepEqual(r.fail_list, []);
    const done = (await confirm(r.msgid, 'ZhangWei')).body;
    assert.deepEqual([...done.delivered].sort(), [...ext].sort());
  });

  it('sends to the sender\'s groups with chat_type group', async () => {
    const g = (await sb.api('POST', `/corps/${DEMO_CORPID}/groups`, { owner: 'LiNa', name: '群发群' })).body.group;
    assert.equal((await call('add_msg_template', { chat_type: 'group', text: { content: 'x' } })).errcode, 40058);
    const r = await call('add_msg_template', { chat_type: 'group', sender: 'LiNa', text: { content: '群里好' } });
    assert.equal(r.errcode, 0);
    const done = (await confirm(r.msgid, 'LiNa')).body;
    assert.deepEqual(done.delivered, [g.chatId]);
  });

  it('answers 41048 with nobody to send to, and validates content', async () => {
    assert.equal((await call('add_msg_template', { text: { content: 'x' } })).errcode, 41048);
    assert.equal((await call('add_msg_template', { external_userid: ['wmSTRANGER'], text: { content: 'x' } })).errcode, 41048);
    assert.equal((await call('add_msg_template', { sender: 'LiuYang', text: { content: 'x' } })).errcode, 41048);
    assert.equal((await call('add_msg_template', { external_userid: [ext[0]] })).errcode, 44004);
    assert.equal((await call('add_msg_template', { sender: 'Nobody', text: { content: 'x' } })).errcode, 40003);
    assert.equal((await call('get_groupmsg_task', { msgid: 'msgNOPE' })).errcode, 40058);
  });
});
