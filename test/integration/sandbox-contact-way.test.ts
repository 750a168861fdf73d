// Contract: "contact me" configs (reference §3.1) and their errcodes, quota shared with join ways.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_CORPID, startTestSandbox } from '../helpers/sandbox.ts';
import type { Json, TestSandbox } from '../helpers/sandbox.ts';

describe('sandbox WeCom contact ways', () => {
  let sb: TestSandbox;
  let token: string;
  const call = (path: string, body?: unknown) => sb.wecom(`/cgi-bin/externalcontact/${path}?access_token=${token}`, body);
  before(async () => {
    sb = await startTestSandbox({ limits: { waysPerCorp: 3 } });
    token = await sb.token();
  });
  after(() => sb.close());

  it('adds, gets, updates and deletes a QR contact way', async () => {
    const add = await call('add_contact_way', { type: 1, scene: 2, remark: '渠道A', state: 'tk1_inv9', user: ['ZhangWei'] });
    assert.equal(add.errcode, 0);
    assert.match(add.config_id, /^[0-9a-f]{32}$/);
    assert.match(add.qr_code, /\/img\/qr\/[A-Za-z0-9]+\.png$/);
    const png = await fetch(add.qr_code);
    assert.equal(png.headers.get('content-type'), 'image/png');

    const got = await call('get_contact_way', { config_id: add.config_id });
    assert.deepEqual(got.contact_way, {
      config_id: add.config_id,
      type: 1,
      scene: 2,
      remark: '渠道A',
      skip_verify: true,
      state: 'tk1_inv9',
      qr_code: add.qr_code,
      user: ['ZhangWei'],
      party: [],
      is_temp: false,
    });

    assert.equal((await call('update_contact_way', { config_id: add.config_id, state: 'tk1_inv10', skip_verify: false, user: ['WangFang'] })).errcode, 0);
    const updated = (await call('get_contact_way', { config_id: add.config_id })).contact_way;
    assert.equal(updated.state, 'tk1_inv10');
    assert.equal(updated.skip_verify, false);
    assert.deepEqual(updated.user, ['WangFang']);

    assert.equal((await call('del_contact_way', { config_id: add.config_id })).errcode, 0);
    assert.equal((await call('get_contact_way', { config_id: add.config_id })).errcode, 41044);
    assert.equal((await fetch(add.qr_code)).status, 404, 'the QR of a deleted way is gone');
  });

  it('validates add_contact_way like WeCom', async () => {
    const cases: [Json, number][] = [
      [{ scene: 2, user: ['ZhangWei'] }, 41037],
      [{ type: 1, user: ['ZhangWei'] }, 41038],
      [{ type: 3, scene: 2, user: ['ZhangWei'] }, 41039],
      [{ type: 1, scene: 5, user: ['ZhangWei'] }, 41040],
      [{ type: 1, scene: 1, style: 4, user: ['ZhangWei'] }, 41042],
      [{ type: 2, scene: 1, style: 3, user: ['ZhangWei'] }, 41042],
      [{ type: 1, scene: 2, user: ['ZhangWei', 'LiNa'] }, 41041],
      [{ type: 1, scene: 2, user: [] }, 40058],
      [{ type: 2, scene: 2 }, 40058],
      [{ type: 1, scene: 2, user: ['Nobody'] }, 40003],
      [{ type: 2, scene: 2, party: [99] }, 60123],
      [{ type: 1, scene: 2, user: ['ZhangWei'], state: '一'.repeat(31) }, 40058],
      [{ type: 1, scene: 2, user: ['ZhangWei'], remark: 'r'.repeat(31) }, 40058],
      [{ type: '1x', scene: 2, user: ['ZhangWei'] }, 40058],
      [{ type: 2, scene: 2, user: ['ZhangWei'], is_temp: true }, 40058],
      [{ type: 1, scene: 2, user: ['ZhangWei'], is_temp: true, expires_in: 15 * 86400 }, 40058],
      [{ type: 1, scene: 2, user: ['ZhangWei'], conclusions: { image: { media_id: 'nope' } } }, 40007],
    ];
    for (const [body, code] of cases) assert.equal((await call('add_contact_way', body)).errcode, code, JSON.stringify(body));
    const ok = await call('add_contact_way', { type: 1, scene: 2, user: ['ZhangWei'], state: '一'.repeat(30) });
    assert.equal(ok.errcode, 0, 'state of exactly 30 characters is fine');
    await call('del_contact_way', { config_id: ok.config_id });
  });

  it('needs config_id on get/update/del (41043) and knows it (41044)', async () => {
    for (const api of ['get_contact_way', 'update_contact_way', 'del_contact_way']) {
      assert.equal((await call(api, {})).errcode, 41043, api);
      assert.equal((await call(api, { config_id: 'f'.repeat(32) })).errcode, 41044, api);
    }
  });

  it('returns a mini-program way without qr_code and expands departments for type 2', async () => {
    const add = await call('add_contact_way', { type: 2, scene: 1, style: 1, party: [1] });
    assert.equal(add.errcode, 0);
    assert.equal(add.qr_code, undefined);
    const got = (await call('get_contact_way', { config_id: add.config_id })).contact_way;
    assert.equal(got.style, 1);
    assert.deepEqual(got.party, [1]);
    await call('del_contact_way', { config_id: add.config_id });
  });

  it('shares the per-corp quota with join ways (41045) and frees it on delete', async () => {
    const a = await call('add_contact_way', { type: 1, scene: 2, user: ['ZhangWei'] });
    const b = await call('add_contact_way', { type: 1, scene: 2, user: ['LiNa'] });
    const group = (await sb.api('POST', `/corps/${DEMO_CORPID}/groups`, { owner: 'WangFang', name: '福利群' })).body.group;
    const join = await call('groupchat/add_join_way', { scene: 2, chat_id_list: [group.chatId] });
    assert.equal(join.errcode, 0);
    assert.equal((await call('add_contact_way', { type: 1, scene: 2, user: ['ZhangWei'] })).errcode, 41045);
    assert.equal((await call('groupchat/add_join_way', { scene: 2, chat_id_list: [group.chatId] })).errcode, 41045);
    const temp = await call('add_contact_way', { type: 1, scene: 2, user: ['ZhangWei'], is_temp: true });
    assert.equal(temp.errcode, 0, 'temporary ways do not use the quota');
    assert.equal((await call('groupchat/del_join_way', { config_id: join.config_id })).errcode, 0);
    const c = await call('add_contact_way', { type: 1, scene: 2, user: ['ZhangWei'] });
    assert.equal(c.errcode, 0);
    for (const w of [a, b, c, temp]) await call('del_contact_way', { config_id: w.config_id });
  });

  it('lists non-temporary ways in pages with a cursor', async () => {
    const made: string[] = [];
    for (let i = 0; i < 3; i++) made.push((await call('add_contact_way', { type: 1, scene: 2, user: ['ZhangWei'], state: `s${i}` })).config_id);
    await call('add_contact_way', { type: 1, scene: 2, user: ['ZhangWei'], is_temp: true });
    const p1 = await call('list_contact_way', { limit: 2 });
    assert.equal(p1.contact_way.length, 2);
    assert.ok(p1.next_cursor);
    const p2 = await call('list_contact_way', { limit: 2, cursor: p1.next_cursor });
    assert.equal(p2.contact_way.length, 1);
    assert.equal(p2.next_cursor, '');
    assert.deepEqual([...p1.contact_way, ...p2.contact_way].map((w: Json) => w.config_id).sort(), [...made].sort());
    assert.equal((await call('list_contact_way', { limit: 1001 })).errcode, 40058);
    const future = await call('list_contact_way', { start_time: 4102444800 });
    assert.deepEqual(future.contact_way, []);
    for (const id of made) await call('del_contact_way', { config_id: id });
  });

  it('keeps a temporary way for its lifetime only', async () => {
    const temp = await call('add_contact_way', { type: 1, scene: 2, user: ['ZhangWei'], is_temp: true, expires_in: 60, chat_expires_in: 3600 });
    const got = (await call('get_contact_way', { config_id: temp.config_id })).contact_way;
    assert.equal(got.is_temp, true);
    assert.equal(got.expires_in, 60);
    assert.equal(got.chat_expires_in, 3600);
    await sb.api('POST', '/clock/advance', { seconds: 61 });
    assert.equal((await call('update_contact_way', { config_id: temp.config_id, remark: 'x' })).errcode, 40058);
    const person = (await sb.api('POST', '/people', { seed: 3 })).body.people[0];
    const scan = await sb.api('POST', '/actions/scan', { person_id: person.id, qr_url: temp.qr_code });
    assert.equal(scan.body.outcome, 'expired');
  });

  it('answers 47001 for a body that is not JSON and 48002 for an app without customer contact', async () => {
    const res = await fetch(`${sb.url}/wecom/cgi-bin/externalcontact/add_contact_way?access_token=${token}`, { method: 'POST', body: '{"type":1,', headers: { 'content-type': 'application/json' } });
    assert.equal((await res.json()).errcode, 47001);
    await sb.api('POST', `/corps/${DEMO_CORPID}/agents`, { agentid: 1000050, secret: 'no-cc-secret', customerContact: false });
    const t = await sb.wecom(`/cgi-bin/gettoken?corpid=${DEMO_CORPID}&corpsecret=no-cc-secret`);
    const r = await sb.wecom(`/cgi-bin/externalcontact/add_contact_way?access_token=${t.access_token}`, { type: 1, scene: 2, user: ['ZhangWei'] });
    assert.equal(r.errcode, 48002);
  });

  it('lists follow users and refuses staff without customer contact (84074)', async () => {
    await sb.api('POST', `/corps/${DEMO_CORPID}/staff`, { userid: 'NoCC', name: '赵六', customerContact: false });
    const list = await sb.wecom(`/cgi-bin/externalcontact/get_follow_user_list?access_token=${token}`);
    assert.deepEqual(list.follow_user, ['ZhangWei', 'WangFang', 'LiNa', 'LiuYang']);
    assert.equal((await call('add_contact_way', { type: 1, scene: 2, user: ['NoCC'] })).errcode, 84074);
  });
});
