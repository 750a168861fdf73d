// The phone page's server side: the page and its scripts, QR links opened in a browser, and the JSON
// the page reads (a person's chats with WeCom welcome messages, groups and the Official Account, the
// codes to scan, the staff-side tasks).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_APPID, DEMO_MCHID, oaPost, oaToken, payPost } from '../helpers/sandbox-oa.ts';
import { DEMO_CORPID, makePeople, startTestSandbox } from '../helpers/sandbox.ts';
import type { Json, TestSandbox } from '../helpers/sandbox.ts';

describe('sandbox phone page API', () => {
  let sb: TestSandbox;
  let person: Json;
  let ct: string;
  const view = async () => (await sb.api('GET', `/phone/people/${person.id}`)).body;
  const act = async (name: string, body: Json) => (await sb.api('POST', `/actions/${name}`, { person_id: person.id, ...body })).body;

  before(async () => {
    sb = await startTestSandbox();
    person = (await makePeople(sb, 1, 101))[0]!;
    ct = await sb.token();
  });
  after(() => sb.close());

  it('serves the page with its scripts and a strict script policy', async () => {
    const res = await fetch(`${sb.url}/phone`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    const html = await res.text();
    assert.match(html, /<html lang="zh-CN">/);
    assert.match(html, /<script type="module" src="\/phone\/app\.js"><\/script>/);
    assert.match(html, /data-cookie="fission_sandbox_person"/);
    for (const f of ['app.js', 'state.js', 'ui.js', 'bubbles.js', 'screens-chat.js', 'screens-contacts.js', 'screens-discover.js', 'screens-me.js', 'app.css']) assert.equal((await fetch(`${sb.url}/phone/${f}`)).status, 200, f);
    assert.equal((await fetch(`${sb.url}/phone/secret.txt`)).status, 404);
    // The page never writes names as markup.
    const scripts = await Promise.all(['app.js', 'state.js', 'ui.js', 'bubbles.js', 'screens-chat.js', 'screens-contacts.js', 'screens-discover.js', 'screens-me.js'].map(async (f) => (await fetch(`${sb.url}/phone/${f}`)).text()));
    assert.doesNotMatch(scripts.join('\n'), /innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });

  it('sends a browser that opens a QR link to the phone page, ready to scan it', async () => {
    const way = await sb.wecom(`/cgi-bin/externalcontact/add_contact_way?access_token=${ct}`, { type: 1, scene: 2, user: ['LiNa'], state: 'phone1' });
    const link = (await sb.api('GET', `/corps/${DEMO_CORPID}/contact-ways`)).body.contactWays.find((w: Json) => w.configId === way.config_id).qrContent as string;
    const res = await fetch(link, { redirect: 'manual', headers: { accept: 'text/html,application/xhtml+xml' } });
    assert.equal(res.status, 302);
    assert.equal(res.headers.get('location'), `/phone?scan=${encodeURIComponent(link)}`);
    assert.equal((await fetch(link)).headers.get('content-type')?.startsWith('application/json'), true);
  });

  it('shows the staff chat with the welcome message the service sent', async () => {
    const way = await sb.wecom(`/cgi-bin/externalcontact/add_contact_way?access_token=${ct}`, { type: 1, scene: 2, user: ['ZhangWei'], state: 'phone2' });
    const scan = await act('scan', { qr_url: way.qr_code });
    assert.equal(scan.outcome, 'added');
    const sent = await sb.wecom(`/cgi-bin/externalcontact/send_welcome_msg?access_token=${ct}`, {
      welcome_code: scan.welcome_code,
      text: { content: '你好，这是你的专属海报 👇' },
      attachments: [{ msgtype: 'link', link: { title: '助力活动', url: 'https://h5.example.com/t/1', desc: '邀请 3 位好友' } }],
    });
    assert.equal(sent.errcode, 0);
    const v = await view();
    const chat = v.chats.find((c: Json) => c.id === `staff:${DEMO_CORPID}:ZhangWei`);
    assert.equal(chat.title, '张伟');
    assert.equal(chat.relation, 'active');
    assert.deepEqual(chat.messages[0].parts, [
      { type: 'text', text: '你好，这是你的专属海报 👇' },
      { type: 'link', title: '助力活动', desc: '邀请 3 位好友', url: 'https://h5.example.com/t/1', picurl: '' },
    ]);
    const staff = v.corps[0].staff.find((s: Json) => s.userid === 'ZhangWei');
    assert.equal(staff.relation, 'active');
  });

  it('shows the group chat, the account chat (with a red packet) and the accounts list', async () => {
    const group = (await sb.api('POST', `/corps/${DEMO_CORPID}/groups`, { owner: 'WangFang', name: '裂变交流群' })).body.group;
    const jw = await sb.wecom(`/cgi-bin/externalcontact/groupchat/add_join_way?access_token=${ct}`, { scene: 2, chat_id_list: [group.chatId], state: 'g1' });
    const cfg = await sb.wecom(`/cgi-bin/externalcontact/groupchat/get_join_way?access_token=${ct}`, { config_id: jw.config_id });
    assert.equal((await act('scan', { qr_url: cfg.join_way.qr_code })).outcome, 'joined');

    const f = await act('oa-follow', { appid: DEMO_APPID });
    const token = await oaToken(sb);
    await oaPost(sb, `/cgi-bin/message/custom/send?access_token=${token}`, { touser: f.openid, msgtype: 'text', text: { content: '欢迎关注' } });
    const key = (await sb.api('GET', '/credentials')).body.pay.merchants[0].key;
    const billno = `${DEMO_MCHID}2026010100000001`;
    const rp = await payPost(sb, '/mmpaymkttransfers/sendredpack', { nonce_str: 'n1', mch_billno: billno, mch_id: DEMO_MCHID, wxappid: DEMO_APPID, send_name: '示例', re_openid: f.openid, total_amount: 100, total_num: 1, wishing: '恭喜', client_ip: '127.0.0.1', act_name: '活动', remark: 'r' }, { key });
    assert.equal(rp.result_code, 'SUCCESS');

    const v = await view();
    const g = v.chats.find((c: Json) => c.kind === 'group');
    assert.equal(g.title, '裂变交流群');
    const oa = v.chats.find((c: Json) => c.id === `oa:${DEMO_APPID}`);
    assert.equal(oa.relation, 'following');
    assert.deepEqual(oa.messages.map((m: Json) => m.parts[0].type), ['text', 'redpack']);
    assert.equal(oa.messages[1].parts[0].status, 'SENT');
    assert.equal(v.chats[0].id, oa.id, 'the newest chat first');
    assert.deepEqual(v.oas.map((o: Json) => [o.appid, o.following]), [[DEMO_APPID, true]]);
    await act('open-redpack', { mch_id: DEMO_MCHID, mch_billno: billno });
    assert.equal((await view()).chats.find((c: Json) => c.id === oa.id).messages[1].parts[0].status, 'RECEIVED');
  });

  it('lists the codes to scan and the staff-side tasks', async () => {
    await oaPost(sb, `/cgi-bin/qrcode/create?access_token=${await oaToken(sb)}`, { action_name: 'QR_STR_SCENE', action_info: { scene: { scene_str: 'phonecode' } } });
    const codes = (await sb.api('GET', '/phone/codes')).body;
    assert.ok(codes.contactWays.some((w: Json) => w.state === 'phone2' && w.staff.includes('张伟')));
    assert.ok(codes.joinWays.some((w: Json) => w.groups.includes('裂变交流群')));
    const oaCode = codes.oaCodes.find((q: Json) => q.scene === 'phonecode');
    assert.ok(oaCode.image.startsWith(`${sb.url}/mp/cgi-bin/showqrcode?ticket=`));

    const task = await sb.wecom(`/cgi-bin/externalcontact/add_msg_template?access_token=${ct}`, { sender: 'ZhangWei', text: { content: '活动最后一天' } });
    const tasks = (await sb.api('GET', '/phone/staff-tasks')).body;
    const pending = tasks.massSends.find((t: Json) => t.msgid === task.msgid);
    assert.deepEqual([pending.userid, pending.staffName, pending.text, pending.targets], ['ZhangWei', '张伟', '活动最后一天', 1]);
    await sb.api('POST', '/actions/confirm-mass-send', { corpid: DEMO_CORPID, msgid: task.msgid, userid: 'ZhangWei' });
    assert.equal((await sb.api('GET', '/phone/staff-tasks')).body.massSends.some((t: Json) => t.msgid === task.msgid), false);
    const chat = (await view()).chats.find((c: Json) => c.id === `staff:${DEMO_CORPID}:ZhangWei`);
    assert.equal(chat.messages.at(-1).parts[0].text, '活动最后一天');
  });
});
