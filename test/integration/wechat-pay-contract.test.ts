// Contract: the real WeChat Pay client against the sandbox's red-packet host over HTTP (reference
// §7.1): send, idempotency by mch_billno, every business failure surfaced as a typed
// WeChatApiError, SYSTEMERROR retried with the identical signed body, the client-certificate
// stand-in, and gethbinfo. The Pay client caches nothing in the database, so one engine is enough.
import http from 'node:http';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { captureLogger } from '../helpers/fake-wechat.ts';
import { makePeople, startTestSandbox, type Json, type TestSandbox } from '../helpers/sandbox.ts';
import { DEMO_APPID, DEMO_MCHID } from '../helpers/sandbox-oa.ts';
import { createManualClock } from '../../src/sandbox/clock.ts';
import { WeChatApiError } from '../../src/wechat/core/api-error.ts';
import { sandboxHosts } from '../../src/wechat/hosts.ts';
import { PayClient } from '../../src/wechat/pay/client.ts';
import type { SendRedPackRequest } from '../../src/wechat/pay/types.ts';

const FAST_RETRY = { retries: 3, baseDelayMs: 5, maxDelayMs: 20 };

/** The Pay failure a call ended with, or fails the test. */
async function payError(p: Promise<unknown>): Promise<WeChatApiError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  assert.ok(err instanceof WeChatApiError, `expected a WeChatApiError, got ${String(err)}`);
  assert.ok(err.pay, 'a Pay error carries return_code/result_code/err_code');
  return err;
}

/** Forwards to `target`, recording each request body: to see what the client really sent. */
async function recordingProxy(target: string): Promise<{ url: string; bodies: string[]; close(): Promise<void> }> {
  const bodies: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      bodies.push(body);
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => k.startsWith('x-') || k === 'content-type')) as Record<string, string>;
      fetch(`${target}${req.url}`, { method: req.method!, headers, body }).then(async (r) => {
        res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'text/plain' });
        res.end(Buffer.from(await r.arrayBuffer()));
      }, () => res.writeHead(502).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, bodies, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('WeChat Pay client against the sandbox', () => {
  let sb: TestSandbox;
  let pay: PayClient;
  let key: string;
  let openids: string[];
  let people: Json[];
  let bill = 0;
  const log = captureLogger();
  const client = (over: Partial<ConstructorParameters<typeof PayClient>[0]> = {}) =>
    new PayClient({ mchId: DEMO_MCHID, apiKey: key, logger: log.logger, baseUrl: sandboxHosts(sb.url).pay, sandboxClientCert: true, rateLimit: false, retry: FAST_RETRY, ...over });
  const packet = (over: Partial<SendRedPackRequest> = {}): SendRedPackRequest => ({
    mch_billno: `${DEMO_MCHID}${Date.now().toString().slice(-8)}${String(++bill).padStart(4, '0')}`,
    wxappid: DEMO_APPID, send_name: '裂变示例', re_openid: openids[0]!, total_amount: 188,
    wishing: '恭喜完成任务', client_ip: '127.0.0.1', act_name: '邀请有礼', remark: '合同测试', ...over,
  });
  const balance = async () => (await sb.api('GET', `/merchants/${DEMO_MCHID}`)).body.balance as number;
  const requestsTo = (api: string) => log.lines.map((l) => JSON.parse(l)).filter((l) => l.wechat === 'pay' && l.api === api);

  before(async () => {
    sb = await startTestSandbox({ clock: createManualClock(Date.parse('2026-03-02T02:00:00Z')), limits: { redpack: { perUserPerDay: 3 } } });
    key = ((await sb.api('GET', '/credentials')).body.pay.merchants as Json[]).find((m) => m.mchId === DEMO_MCHID)!.key;
    people = await makePeople(sb, 4, 31);
    openids = [];
    for (const p of people) openids.push((await sb.api('POST', '/actions/oa-follow', { person_id: p.id, appid: DEMO_APPID })).body.openid);
    pay = client();
  });
  after(() => sb?.close());

  test('sendredpack pays once; gethbinfo follows the packet from SENT to RECEIVED', async () => {
    const before = await balance();
    const p = packet();
    const r = await pay.sendRedPack(p);
    assert.deepEqual([r.mch_billno, r.mch_id, r.wxappid, r.re_openid, r.total_amount], [p.mch_billno, DEMO_MCHID, DEMO_APPID, openids[0], 188]);
    assert.match(r.send_listid ?? '', /\w+/);
    assert.equal(await balance(), before - 188);

    const sent = await pay.getRedPackInfo(p.mch_billno, DEMO_APPID);
    assert.deepEqual([sent.mch_billno, sent.status, sent.total_amount, sent.total_num, sent.act_name, sent.hblist], [p.mch_billno, 'SENT', 188, 1, '邀请有礼', []]);
    assert.match(sent.send_time, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);

    assert.equal((await sb.api('POST', '/actions/open-redpack', { person_id: people[0]!.id, mch_id: DEMO_MCHID, mch_billno: p.mch_billno })).body.outcome, 'received');
    const got = await pay.getRedPackInfo(p.mch_billno, DEMO_APPID);
    assert.equal(got.status, 'RECEIVED');
    assert.deepEqual(got.hblist.map((h) => [h.openid, h.amount]), [[openids[0], 188]]);

    const unknown = await payError(pay.getRedPackInfo('nosuchbill0001', DEMO_APPID));
    assert.deepEqual([unknown.api, unknown.pay?.errCode], ['gethbinfo', 'NOT_FOUND']);
  });

  test('the same mch_billno with the same parameters is the same packet; different parameters FATAL_ERROR', async () => {
    const p = packet({ re_openid: openids[1]! });
    const first = await pay.sendRedPack(p);
    const bal = await balance();
    const again = await client().sendRedPack(p); // a new nonce and signature, same packet
    assert.deepEqual(again, first);
    assert.equal(await balance(), bal, 'nothing paid twice');

    const err = await payError(pay.sendRedPack({ ...p, total_amount: 200 }));
    assert.deepEqual([err.api, err.pay], ['sendredpack', { returnCode: 'SUCCESS', resultCode: 'FAIL', errCode: 'FATAL_ERROR' }]);
    assert.equal(err.errcode, null);
    assert.equal(await balance(), bal);
  });

  test('business limits come back typed: MONEY_LIMIT, SENDNUM_LIMIT, NOTENOUGH', async () => {
    const money = await payError(pay.sendRedPack(packet({ re_openid: openids[2]!, total_amount: 50 })));
    assert.equal(money.pay?.errCode, 'MONEY_LIMIT');
    assert.equal((await pay.sendRedPack(packet({ re_openid: openids[2]!, total_amount: 50, scene_id: 'PRODUCT_1' }))).total_amount, 50);

    // perUserPerDay is 3 here: openids[2] already has one.
    await pay.sendRedPack(packet({ re_openid: openids[2]! }));
    await pay.sendRedPack(packet({ re_openid: openids[2]! }));
    const num = await payError(pay.sendRedPack(packet({ re_openid: openids[2]! })));
    assert.equal(num.pay?.errCode, 'SENDNUM_LIMIT');
    assert.match(num.errmsg, /\S/);

    const poor = (await sb.api('POST', '/merchants', { name: '小店', balance: 100, appids: [DEMO_APPID] })).body;
    const poorClient = client({ mchId: poor.mchId, apiKey: poor.key });
    const broke = await payError(poorClient.sendRedPack(packet({ re_openid: openids[3]!, total_amount: 150 })));
    assert.equal(broke.pay?.errCode, 'NOTENOUGH');
    await sb.api('POST', `/merchants/${poor.mchId}/top-up`, { amount: 100 });
    assert.equal((await poorClient.sendRedPack(packet({ re_openid: openids[3]!, total_amount: 150 }))).total_amount, 150);
  });

  test('an injected SYSTEMERROR is retried with the identical signed body and then succeeds, paid once', async () => {
    const proxy = await recordingProxy(sb.url);
    try {
      const spy = client({ baseUrl: sandboxHosts(proxy.url).pay });
      const outcomes = () => requestsTo('sendredpack').map((l) => [l.attempt, l.msg === 'wechat call' ? 'ok' : l.errcode]);
      // The packet was sent although the answer said SYSTEMERROR: the retry finds it, pays nothing more.
      for (const [inject, expected] of [
        [{ err_code: 'SYSTEMERROR' }, [[0, 'SYSTEMERROR'], [1, 'ok']]],
        // Not sent, twice: the third identical request sends it.
        [{ err_code: 'SYSTEMERROR', sent: false, times: 2 }, [[0, 'SYSTEMERROR'], [1, 'SYSTEMERROR'], [2, 'ok']]],
      ] as const) {
        const bal = await balance();
        await sb.api('POST', `/merchants/${DEMO_MCHID}/inject`, inject);
        log.lines.length = 0;
        proxy.bodies.length = 0;
        const p = packet({ re_openid: openids[3]! });
        assert.equal((await spy.sendRedPack(p)).mch_billno, p.mch_billno);
        assert.deepEqual(outcomes(), expected);
        assert.equal(proxy.bodies.length, expected.length);
        assert.ok(proxy.bodies.every((b) => b === proxy.bodies[0]), 'the same nonce, signature and mch_billno each time');
        assert.ok(proxy.bodies[0]!.includes(p.mch_billno));
        assert.equal(await balance(), bal - 188, 'paid once');
        assert.equal((await spy.getRedPackInfo(p.mch_billno, DEMO_APPID)).status, 'SENT');
      }
    } finally {
      await proxy.close();
    }

    // Bounded: after the retries the SYSTEMERROR is surfaced (the caller queries before resending).
    await sb.api('POST', `/merchants/${DEMO_MCHID}/inject`, { err_code: 'SYSTEMERROR', sent: false, times: 9 });
    const stuck = await payError(pay.sendRedPack(packet({ re_openid: openids[1]! })));
    assert.deepEqual(stuck.pay, { returnCode: 'SUCCESS', resultCode: 'FAIL', errCode: 'SYSTEMERROR' });
    await sb.api('DELETE', `/merchants/${DEMO_MCHID}/inject`);
  });

  test('without the client certificate (its sandbox stand-in) the answer is CA_ERROR', async () => {
    const bare = client({ sandboxClientCert: false });
    const err = await payError(bare.sendRedPack(packet()));
    assert.deepEqual([err.pay?.returnCode, err.pay?.errCode], ['FAIL', 'CA_ERROR']);
    const other = client({ mchId: '1900000000' });
    assert.equal((await payError(other.getRedPackInfo('x1', DEMO_APPID))).pay?.returnCode, 'FAIL');
  });
});
