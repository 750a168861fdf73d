// Contract: people adding staff through contact ways, the change_external_contact callbacks, and
// customer detail APIs (reference §3.1–§3.3).
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { DEMO_CORPID, connectReceiver, makePeople, startTestSandbox } from '../helpers/sandbox.ts';
import type { CallbackReceiver, Json, TestSandbox } from '../helpers/sandbox.ts';

describe('sandbox WeCom customers', () => {
  let sb: TestSandbox;
  let rcv: CallbackReceiver;
  let token: string;
  let people: Json[];
  const call = (path: string, body?: unknown) => sb.wecom(`/cgi-bin/externalcontact/${path}${path.includes('?') ? '&' : '?'}access_token=${token}`, body);
  const scan = async (person: Json, qr: string, extra: Json = {}) => (await sb.api('POST', '/actions/scan', { person_id: person.id, qr_url: qr, wait: true, ...extra })).body;
  const way = async (body: Json) => call('add_contact_way', { type: 1, scene: 2, ...body });

  before(async () => {
    sb = await startTestSandbox();
    rcv = await connectReceiver(sb);
    token = await sb.token();
    people = await makePeople(sb, 8, 11);
  });
  after(async () => {
    await rcv.close();
    await sb.close();
  });
  beforeEach(() => {
    rcv.received.length = 0;
  });

  it('adds a customer: add_external_contact with State and WelcomeCode, then detail APIs agree', async () => {
    const w = await way({ user: ['ZhangWei'], state: 'tk1_a' });
    const r = await scan(people[0]!, w.qr_code);
    assert.equal(r.outcome, 'added');
    assert.equal(r.userid, 'ZhangWei');
    assert.match(r.external_userid, /^wm[A-Za-z0-9_-]{30}$/);
    const [ev] = await rcv.waitFor(1);
    assert.deepEqual({ ...ev!.event, createTime: 0 }, {
      kind: 'change_external_contact',
      toUserName: DEMO_CORPID,
      fromUserName: 'sys',
      createTime: 0,
      changeType: 'add_external_contact',
      userId: 'ZhangWei',
      externalUserId: r.external_userid,
      state: 'tk1_a',
      welcomeCode: r.welcome_code,
    });
    assert.equal(ev!.body.includes('<AgentID>'), false, 'customer-contact callbacks carry no AgentID');

    const detail = await call(`get?external_userid=${r.external_userid}`);
    assert.equal(detail.errcode, 0);
    assert.equal(detail.external_contact.name, people[0]!.nickname);
    assert.equal(detail.external_contact.unionid, people[0]!.unionid);
    assert.equal(detail.external_contact.type, 1);
    assert.equal(detail.follow_user[0].state, 'tk1_a');
    assert.equal(detail.follow_user[0].add_way, 1);
    assert.equal(detail.follow_user[0].oper_userid, r.external_userid);
    assert.equal(detail.next_cursor, '');
    const avatar = await fetch(detail.external_contact.avatar);
    assert.equal(avatar.headers.get('content-type'), 'image/png');

    const list = await call('list?userid=ZhangWei');
    assert.deepEqual(list.external_userid, [r.external_userid]);
    const batch = await call('batch/get_by_user', { userid_list: ['ZhangWei'], limit: 10 });
    assert.equal(batch.external_contact_list.length, 1);
    assert.equal(batch.external_contact_list[0].follow_info.state, 'tk1_a');
    assert.deepEqual(batch.external_contact_list[0].follow_info.tag_id, []);
  });

  it('sends nothing when a friend rescans, and the same external_userid per corp', async () => {
    const w1 = await way({ user: ['ZhangWei'], state: 'first' });
    const w2 = await way({ user: ['ZhangWei'], state: 'second' });
    const a = await scan(people[1]!, w1.qr_code);
    const b = await scan(people[1]!, w2.qr_code);
    assert.equal(a.outcome, 'added');
    assert.equal(b.outcome, 'already_friend');
    assert.equal(b.state, undefined);
    assert.deepEqual(b.deliveries, []);
    assert.equal(b.external_userid, a.external_userid);
    await sb.api('POST', '/deliveries/flush');
    assert.equal(rcv.received.length, 1);
    const detail = await call(`get?external_userid=${a.external_userid}`);
    assert.equal(detail.follow_user[0].state, 'first', 'state stays that of the first add');
  });

  it('spreads a multi-staff way round-robin, or lets the person pick', async () => {
    const w = await way({ type: 2, user: ['WangFang', 'LiNa'] });
    assert.equal((await scan(people[2]!, w.qr_code)).userid, 'WangFang');
    assert.equal((await scan(people[3]!, w.qr_code)).userid, 'LiNa');
    assert.equal((await scan(people[4]!, w.qr_code, { userid: 'LiNa' })).userid, 'LiNa');
    const bad = await sb.api('POST', '/actions/scan', { person_id: people[4]!.id, qr_url: w.qr_code, userid: 'LiuYang' });
    assert.equal(bad.status, 400);
  });

  it('emits del_follow_user, del_external_contact, and honours blocking', async () => {
    const w = await way({ user: ['LiuYang'], state: 'del' });
    const a = await scan(people[5]!, w.qr_code);
    const gone = (await sb.api('POST', '/actions/delete-staff', { person_id: people[5]!.id, corpid: DEMO_CORPID, userid: 'LiuYang', wait: true })).body;
    assert.equal(gone.outcome, 'deleted');
    assert.equal((await call(`get?external_userid=${a.external_userid}`)).errcode, 84061);
    const again = await scan(people[5]!, w.qr_code);
    assert.equal(again.outcome, 'added', 're-adding after a delete is a new add');
    assert.equal(again.state, 'del');
    const byStaff = (await sb.api('POST', '/actions/delete-customer', { corpid: DEMO_CORPID, userid: 'LiuYang', external_userid: a.external_userid, wait: true })).body;
    assert.equal(byStaff.outcome, 'deleted');
    await rcv.waitFor(4);
    assert.deepEqual(rcv.received.map((r) => (r.event as Json).changeType), ['add_external_contact', 'del_follow_user', 'add_external_contact', 'del_external_contact']);
    assert.equal((await sb.api('POST', '/actions/delete-customer', { corpid: DEMO_CORPID, userid: 'LiuYang', external_userid: a.external_userid })).body.outcome, 'not_friend');

    await scan(people[5]!, w.qr_code);
    const blocked = (await sb.api('POST', '/actions/block', { person_id: people[5]!.id, corpid: DEMO_CORPID, userid: 'LiuYang', wait: true })).body;
    assert.equal(blocked.outcome, 'deleted');
    assert.equal((await scan(people[5]!, w.qr_code)).outcome, 'blocked');
    await sb.api('POST', '/actions/unblock', { person_id: people[5]!.id, corpid: DEMO_CORPID, userid: 'LiuYang' });
    assert.equal((await scan(people[5]!, w.qr_code)).outcome, 'added');
  });

  it('waits for the staff to accept when skip_verify is false', async () => {
    const w = await way({ user: ['WangFang'], skip_verify: false, state: 'verify' });
    const r = await scan(people[6]!, w.qr_code);
    assert.equal(r.outcome, 'requested');
    assert.equal(r.welcome_code, undefined);
    await sb.api('POST', '/deliveries/flush');
    assert.equal(rcv.received.length, 0, 'a friend request alone sends no callback');
    assert.equal((await scan(people[6]!, w.qr_code)).outcome, 'pending');
    assert.equal((await call(`get?external_userid=${r.external_userid}`)).errcode, 84061);
    const ok = (await sb.api('POST', '/actions/accept-request', { corpid: DEMO_CORPID, userid: 'WangFang', external_userid: r.external_userid, wait: true })).body;
    assert.equal(ok.outcome, 'added');
    assert.equal(ok.state, 'verify');
    const [ev] = await rcv.waitFor(1);
    assert.equal((ev!.event as Json).changeType, 'add_external_contact');
    assert.equal((ev!.event as Json).welcomeCode, ok.welcome_code);
    assert.equal((await sb.api('POST', '/actions/accept-request', { corpid: DEMO_CORPID, userid: 'WangFang', external_userid: r.external_userid })).status, 409);
  });

  it('sends add_half_external_contact for an unconfirmed skip-verify add, then add_external_contact', async () => {
    const w = await way({ user: ['LiNa'], state: 'half' });
    const half = await scan(people[7]!, w.qr_code, { half: true });
    assert.equal(half.outcome, 'half_added');
    const conf = (await sb.api('POST', '/actions/confirm-half-add', { corpid: DEMO_CORPID, userid: 'LiNa', external_userid: half.external_userid, wait: true })).body;
    assert.equal(conf.outcome, 'confirmed');
    await rcv.waitFor(2);
    const evs = rcv.received.map((r) => r.event as Json);
    assert.deepEqual(evs.map((e) => [e.changeType, e.state]), [['add_half_external_contact', 'half'], ['add_external_contact', 'half']]);
    assert.ok(evs[0]!.welcomeCode && evs[1]!.welcomeCode && evs[0]!.welcomeCode !== evs[1]!.welcomeCode, 'an unused half code is replaced');
  });

  it('leaves WelcomeCode out when the staff has a console welcome message', async () => {
    await sb.api('PATCH', `/corps/${DEMO_CORPID}/staff/LiNa`, { consoleWelcome: true });
    const [p] = await makePeople(sb, 1, 99);
    const w = await way({ user: ['LiNa'] });
    const r = await scan(p!, w.qr_code);
    assert.equal(r.welcome_code, undefined);
    const [ev] = await rcv.waitFor(1);
    assert.doesNotMatch(ev!.xml, /WelcomeCode/);
    assert.doesNotMatch(ev!.xml, /<State>/, 'an empty state is left out');
    await sb.api('PATCH', `/corps/${DEMO_CORPID}/staff/LiNa`, { consoleWelcome: false });
  });

  it('answers detail-API errors: 41035, 40096, 84061, 40003, 40058', async () => {
    assert.equal((await call('get')).errcode, 41035);
    assert.equal((await call('get?external_userid=wmNOBODY')).errcode, 40096);
    assert.equal((await call('list?userid=Nobody')).errcode, 40003);
    assert.equal((await call('list')).errcode, 40003);
    await sb.api('POST', `/corps/${DEMO_CORPID}/staff`, { userid: 'Lonely', name: '孤独' });
    assert.equal((await call('list?userid=Lonely')).errcode, 84061);
    assert.equal((await call('batch/get_by_user', { userid_list: [] })).errcode, 40058);
    assert.equal((await call('batch/get_by_user', { userid_list: Array(101).fill('ZhangWei') })).errcode, 40058);
    assert.equal((await call('batch/get_by_user', { userid_list: ['ZhangWei'], limit: 101 })).errcode, 40058);
  });

  it('pages batch/get_by_user and edits remarks', async () => {
    const p1 = await call('batch/get_by_user', { userid_list: ['ZhangWei', 'WangFang', 'LiNa'], limit: 2 });
    assert.equal(p1.external_contact_list.length, 2);
    const p2 = await call('batch/get_by_user', { userid_list: ['ZhangWei', 'WangFang', 'LiNa'], limit: 100, cursor: p1.next_cursor });
    assert.ok(p2.external_contact_list.length >= 1);
    assert.equal(p2.next_cursor, '');
    const ext = p1.external_contact_list[0].external_contact.external_userid;
    const userid = p1.external_contact_list[0].follow_info.userid;
    assert.equal((await call('remark', { userid, external_userid: ext, remark: '老客户', description: 'VIP', remark_mobiles: ['13800000000'] })).errcode, 0);
    const f = (await call(`get?external_userid=${ext}`)).follow_user.find((x: Json) => x.userid === userid);
    assert.equal(f.remark, '老客户');
    assert.deepEqual(f.remark_mobiles, ['13800000000']);
    assert.equal((await call('remark', { userid, external_userid: ext })).errcode, 40058);
    assert.equal((await call('remark', { userid, external_userid: ext, remark: 'x'.repeat(21) })).errcode, 40058);
  });
});
