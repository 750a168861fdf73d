// WeChat Pay cash red packets: the certificate stand-in, XML and MD5 signature checks, idempotency
// by mch_billno, amount/count/daily/rate limits, balance, injected SYSTEMERROR/PROCESSING, gethbinfo
// through SENT → RECEIVED or REFUND after 24 h, and the packet reaching the user's chat.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createManualClock } from '../../src/sandbox/clock.ts';
import { DEMO_APPID, DEMO_MCHID, payPost } from '../helpers/sandbox-oa.ts';
import { makePeople, startTestSandbox } from '../helpers/sandbox.ts';
import type { Json, TestSandbox } from '../helpers/sandbox.ts';

type Params = Record<string, string | number>;

async function setup(sb: TestSandbox, seed: number) {
  const creds = (await sb.api('GET', '/credentials')).body;
  const merchant = creds.pay.merchants.find((m: Json) => m.mchId === DEMO_MCHID);
  const people = await makePeople(sb, 6, seed);
  const openids: string[] = [];
  for (const p of people) openids.push((await sb.api('POST', '/actions/oa-follow', { person_id: p.id, appid: DEMO_APPID })).body.openid);
  let n = 0;
  const packet = (extra: Params = {}): Params => ({
    nonce_str: `n${n}x${Date.now()}`,
    mch_billno: `${DEMO_MCHID}20260101${String(++n).padStart(8, '0')}`,
    mch_id: DEMO_MCHID,
    wxappid: DEMO_APPID,
    send_name: '裂变示例',
    re_openid: openids[0]!,
    total_amount: 188,
    total_num: 1,
    wishing: '恭喜完成助力任务',
    client_ip: '127.0.0.1',
    act_name: '春季裂变',
    remark: '邀请越多奖励越多',
    ...extra,
  });
  const send = (p: Params, opts: { cert?: string | false; sign?: string; key?: string } = {}) => payPost(sb, '/mmpaymkttransfers/sendredpack', p, { key: merchant.key, ...opts });
  const info = (billno: string, extra: Params = {}) =>
    payPost(sb, '/mmpaymkttransfers/gethbinfo', { nonce_str: 'q1', mch_billno: billno, mch_id: DEMO_MCHID, appid: DEMO_APPID, bill_type: 'MCHT', ...extra }, { key: merchant.key });
  const balance = async () => (await sb.api('GET', `/merchants/${DEMO_MCHID}`)).body.balance as number;
  return { merchant, people, openids, packet, send, info, balance };
}

describe('sandbox red packets', () => {
  let sb: TestSandbox;
  let t: Awaited<ReturnType<typeof setup>>;

  before(async () => {
    sb = await startTestSandbox();
    t = await setup(sb, 91);
  });
  after(() => sb.close());

  it('refuses requests without the client certificate, with bad XML, a bad signature or missing fields', async () => {
    const noCert = await t.send(t.packet(), { cert: false });
    assert.equal(noCert.return_code, 'FAIL');
    assert.equal(noCert.err_code, 'CA_ERROR');
    assert.match(noCert.return_msg as string, /x-sandbox-client-cert/);
    assert.equal((await t.send(t.packet(), { cert: '1900000000' })).err_code, 'CA_ERROR');
    const res = await fetch(`${sb.url}/pay/mmpaymkttransfers/sendredpack`, { method: 'POST', body: '<xml><mch_id>1', headers: { 'x-sandbox-client-cert': DEMO_MCHID } });
    assert.match(await res.text(), /<err_code><!\[CDATA\[XML_ERROR\]\]><\/err_code>/);
    const badSign = await t.send(t.packet(), { sign: '0'.repeat(32) });
    assert.deepEqual([badSign.return_code, badSign.result_code, badSign.err_code], ['FAIL', 'FAIL', 'SIGN_ERROR']);
    assert.equal((await t.send(t.packet(), { key: 'K'.repeat(32) })).err_code, 'SIGN_ERROR');
    const { wishing: _w, ...noWishing } = t.packet();
    const missing = await t.send(noWishing);
    assert.equal(missing.err_code, 'PARAM_ERROR');
    assert.match(missing.err_code_des as string, /wishing/);
    assert.equal((await t.send(t.packet({ total_num: 2 }))).err_code, 'PARAM_ERROR');
    assert.equal((await t.send(t.packet({ mch_billno: 'has-dash' }))).err_code, 'PARAM_ERROR');
    assert.equal((await t.send(t.packet({ scene_id: 'PRODUCT_9' }))).err_code, 'PARAM_ERROR');
  });

  it('sends a packet: balance down, the user sees it in the account chat, gethbinfo SENT', async () => {
    const before = await t.balance();
    const p = t.packet();
    const r = await t.send(p);
    assert.deepEqual([r.return_code, r.result_code, r.err_code], ['SUCCESS', 'SUCCESS', 'SUCCESS']);
    assert.equal(r.mch_billno, p.mch_billno);
    assert.equal(r.re_openid, t.openids[0]);
    assert.equal(r.total_amount, '188');
    assert.match(r.send_listid as string, /^\d{28}$/);
    assert.equal(await t.balance(), before - 188);
    const msgs = (await sb.api('GET', `/oas/${DEMO_APPID}/messages?openid=${t.openids[0]}&kind=redpack`)).body.messages as Json[];
    assert.equal(msgs.at(-1)!.content.mch_billno, p.mch_billno);
    const i = await t.info(p.mch_billno as string);
    assert.equal(i.status, 'SENT');
    assert.equal(i.detail_id, r.send_listid);
    assert.equal(i.total_amount, '188');
    assert.equal(i.send_type, 'API');
    assert.equal(i.hb_type, 'NORMAL');
    assert.match(i.send_time as string, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    assert.equal(i.hblist, undefined);
  });

  it('is idempotent by mch_billno: same parameters same packet, different ones FATAL_ERROR', async () => {
    const p = t.packet();
    const first = await t.send(p);
    const bal = await t.balance();
    const again = await t.send({ ...p, nonce_str: 'another' });
    assert.equal(again.result_code, 'SUCCESS');
    assert.equal(again.send_listid, first.send_listid);
    assert.equal(await t.balance(), bal);
    const changed = await t.send({ ...p, total_amount: 200 });
    assert.deepEqual([changed.return_code, changed.result_code, changed.err_code], ['SUCCESS', 'FAIL', 'FATAL_ERROR']);
  });

  it('enforces ¥1–¥200 without scene_id (MONEY_LIMIT), wider with one', async () => {
    assert.equal((await t.send(t.packet({ total_amount: 99 }))).err_code, 'MONEY_LIMIT');
    assert.equal((await t.send(t.packet({ total_amount: 20_001 }))).err_code, 'MONEY_LIMIT');
    assert.equal((await t.send(t.packet({ total_amount: 50, scene_id: 'PRODUCT_1', re_openid: t.openids[1]! }))).result_code, 'SUCCESS');
  });

  it('checks the app binding and the openid', async () => {
    const other = (await sb.api('POST', '/oas', { name: '未绑定的服务号' })).body;
    assert.equal((await t.send(t.packet({ wxappid: other.appid }))).err_code, 'ILLEGAL_APPID');
    assert.equal((await t.send(t.packet({ re_openid: 'oNOBODYxxxxxxxxxxxxxxxxxxxxx' }))).err_code, 'OPENID_ERROR');
  });

  it('answers injected SYSTEMERROR and PROCESSING, and a retry with the same billno recovers', async () => {
    await sb.api('POST', `/merchants/${DEMO_MCHID}/inject`, { err_code: 'SYSTEMERROR' });
    const bal = await t.balance();
    const p = t.packet({ re_openid: t.openids[2]! });
    const sys = await t.send(p);
    assert.deepEqual([sys.return_code, sys.result_code, sys.err_code], ['SUCCESS', 'FAIL', 'SYSTEMERROR']);
    const retry = await t.send(p);
    assert.equal(retry.result_code, 'SUCCESS');
    assert.equal(await t.balance(), bal - 188, 'paid once');

    await sb.api('POST', `/merchants/${DEMO_MCHID}/inject`, { err_code: 'SYSTEMERROR', sent: false });
    const q = t.packet({ re_openid: t.openids[2]! });
    assert.equal((await t.send(q)).err_code, 'SYSTEMERROR');
    assert.equal((await t.info(q.mch_billno as string)).err_code, 'NOT_FOUND');
    assert.equal((await t.send(q)).result_code, 'SUCCESS');

    await sb.api('POST', `/merchants/${DEMO_MCHID}/inject`, { err_code: 'PROCESSING' });
    const r = t.packet({ re_openid: t.openids[2]! });
    assert.equal((await t.send(r)).err_code, 'PROCESSING');
    assert.equal((await t.info(r.mch_billno as string)).status, 'SENDING');
    assert.equal((await t.send(r)).err_code, 'PROCESSING');
    await sb.api('POST', '/clock/advance', { seconds: 5 });
    assert.equal((await t.info(r.mch_billno as string)).status, 'SENT');
    assert.equal((await t.send(r)).result_code, 'SUCCESS');
  });

  it('moves to RECEIVED when opened and to REFUND (money back) after 24 h unopened', async () => {
    const opened = t.packet({ re_openid: t.openids[3]! });
    const left = t.packet({ re_openid: t.openids[3]! });
    await t.send(opened);
    await t.send(left);
    const o = await sb.api('POST', '/actions/open-redpack', { person_id: t.people[3]!.id, mch_id: DEMO_MCHID, mch_billno: opened.mch_billno });
    assert.equal(o.body.outcome, 'received');
    assert.equal((await sb.api('POST', '/actions/open-redpack', { person_id: t.people[3]!.id, mch_id: DEMO_MCHID, mch_billno: opened.mch_billno })).body.outcome, 'already_received');
    assert.equal((await sb.api('POST', '/actions/open-redpack', { person_id: t.people[4]!.id, mch_id: DEMO_MCHID, mch_billno: left.mch_billno })).status, 404);
    const i = await t.info(opened.mch_billno as string);
    assert.equal(i.status, 'RECEIVED');
    const hb = (i.hblist as Json).hbinfo as Json;
    assert.equal(hb.openid, t.openids[3]);
    assert.equal(hb.amount, '188');
    const before = (await sb.api('GET', `/merchants/${DEMO_MCHID}`)).body;
    const unopened = (before.redpacks as Json[]).filter((r) => r.status === 'SENT').reduce((sum, r) => sum + (r.amount as number), 0);
    assert.ok(unopened >= 188);
    await sb.api('POST', '/clock/advance', { seconds: 86400 });
    const refunded = await t.info(left.mch_billno as string);
    assert.equal(refunded.status, 'REFUND');
    assert.equal(refunded.refund_amount, '188');
    assert.ok(refunded.refund_time);
    assert.equal(await t.balance(), before.balance + unopened, 'every unopened packet refunded');
    assert.equal((await t.info(opened.mch_billno as string)).status, 'RECEIVED');
    assert.equal((await sb.api('POST', '/actions/open-redpack', { person_id: t.people[3]!.id, mch_id: DEMO_MCHID, mch_billno: left.mch_billno })).body.outcome, 'expired');
  });

  it('answers gethbinfo errors', async () => {
    assert.equal((await t.info('nosuchbill')).err_code, 'NOT_FOUND');
    assert.equal((await t.info('nosuchbill', { bill_type: 'MCH' })).err_code, 'PARAM_ERROR');
    const noCert = await payPost(sb, '/mmpaymkttransfers/gethbinfo', { nonce_str: 'q', mch_billno: 'x', mch_id: DEMO_MCHID, appid: DEMO_APPID, bill_type: 'MCHT' }, { key: t.merchant.key, cert: false });
    assert.equal(noCert.err_code, 'CA_ERROR');
  });

  it('provisions merchants and tops up balances through the sandbox API', async () => {
    const bad = await sb.api('POST', '/merchants', { name: 'x', appids: ['wx0000000000000000'] });
    assert.equal(bad.status, 400);
    const m = await sb.api('POST', '/merchants', { name: '小店', balance: 100, appids: [DEMO_APPID] });
    assert.equal(m.status, 201);
    assert.match(m.body.mchId, /^\d{10}$/);
    assert.match(m.body.key, /^[A-Za-z0-9]{32}$/);
    const p = { ...t.packet(), mch_id: m.body.mchId };
    const poor = await payPost(sb, '/mmpaymkttransfers/sendredpack', { ...p, total_amount: 150 }, { key: m.body.key });
    assert.equal(poor.err_code, 'NOTENOUGH');
    assert.equal((await sb.api('POST', `/merchants/${m.body.mchId}/top-up`, { amount: 100 })).body.balance, 200);
    assert.equal((await sb.api('POST', `/merchants/${m.body.mchId}/top-up`, { amount: -5 })).status, 400);
    const rich = await payPost(sb, '/mmpaymkttransfers/sendredpack', { ...p, total_amount: 150 }, { key: m.body.key });
    assert.equal(rich.result_code, 'SUCCESS');
  });
});

describe('sandbox red-packet limits', () => {
  let sb: TestSandbox;
  let t: Awaited<ReturnType<typeof setup>>;

  before(async () => {
    // A clock that stands still: every send falls in the same second and day.
    sb = await startTestSandbox({ clock: createManualClock(Date.parse('2026-03-02T02:00:00Z')), limits: { redpack: { perUserPerDay: 3, userFenPerDay: 500, merchantFenPerDay: 1000, perSecond: 8 } } });
    t = await setup(sb, 92);
  });
  after(() => sb.close());

  it('limits packets and amount per user per day, the merchant per day, and sends per second', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await t.send(t.packet({ total_amount: 100 }))).result_code, 'SUCCESS');
    assert.equal((await t.send(t.packet({ total_amount: 100 }))).err_code, 'SENDNUM_LIMIT');
    assert.equal((await t.send(t.packet({ total_amount: 201, re_openid: t.openids[1]! }))).result_code, 'SUCCESS');
    assert.equal((await t.send(t.packet({ total_amount: 300, re_openid: t.openids[1]! }))).err_code, 'RCVDAMOUNT_LIMIT');
    assert.equal((await t.send(t.packet({ total_amount: 299, re_openid: t.openids[1]! }))).result_code, 'SUCCESS');
    // 300 + 500 sent so far; the merchant may send 1000 a day.
    assert.equal((await t.send(t.packet({ total_amount: 201, re_openid: t.openids[2]! }))).err_code, 'SENDAMOUNT_LIMIT');
    // Eight calls have reached the rate check this second (the failed limits count as calls too).
    const freq = await t.send(t.packet({ total_amount: 100, re_openid: t.openids[2]! }));
    assert.equal(freq.err_code, 'FREQ_LIMIT');
    await sb.api('POST', '/clock/advance', { seconds: 86400 });
    assert.equal((await t.send(t.packet({ total_amount: 100 }))).result_code, 'SUCCESS');
  });
});
