// OA pushes in plain and safe mode, checked by a receiver using the shared protocol code: server URL
// verification, subscribe (plain and by QR), SCAN, unsubscribe and re-follow, the user's text
// messages, TEMPLATESENDJOBFINISH, passive replies (and what the user sees when they are invalid),
// retries with the same CreateTime, and injected faults.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createCallbackCrypto } from '../../src/wechat/protocol/callback-crypto.ts';
import { buildXml } from '../../src/wechat/protocol/xml.ts';
import { DEMO_APPID, connectOaReceiver, oaCredentials, oaPost, oaToken, startOaReceiver } from '../helpers/sandbox-oa.ts';
import type { OaPush, OaReceiver } from '../helpers/sandbox-oa.ts';
import { makePeople, startTestSandbox } from '../helpers/sandbox.ts';
import type { Json, TestSandbox } from '../helpers/sandbox.ts';

for (const mode of ['plain', 'safe'] as const) {
  describe(`sandbox OA pushes, ${mode} mode`, () => {
    let sb: TestSandbox;
    let rcv: OaReceiver;
    let oa: Json;
    let people: Json[];
    let n = 0;
    const next = () => people[n++]!;
    const act = async (name: string, body: Json) => (await sb.api('POST', `/actions/${name}`, { wait: true, ...body })).body;
    const qr = async (body: Json) => oaPost(sb, `/cgi-bin/qrcode/create?access_token=${await oaToken(sb)}`, body);
    const messages = async (openid: string) => (await sb.api('GET', `/oas/${DEMO_APPID}/messages?openid=${openid}`)).body.messages as Json[];

    before(async () => {
      sb = await startTestSandbox({ callbacks: { timeoutMs: 300, retryDelayMs: 10, attempts: 3 } });
      rcv = await connectOaReceiver(sb, mode);
      oa = await oaCredentials(sb);
      people = await makePeople(sb, 20, mode === 'plain' ? 61 : 62);
    });
    after(async () => {
      await rcv.close();
      await sb.close();
    });
    beforeEach(() => rcv.reset());

    it('delivers a plain follow signed (and in safe mode encrypted) for the account', async () => {
      const p = next();
      const r = await act('oa-follow', { person_id: p.id, appid: DEMO_APPID });
      assert.equal(r.outcome, 'subscribed');
      assert.match(r.openid, /^o[A-Za-z0-9_-]{27}$/);
      const [got] = await rcv.waitFor(1);
      const q = got!.query;
      assert.equal(q.openid, r.openid);
      if (mode === 'plain') {
        assert.deepEqual(Object.keys(q).sort(), ['nonce', 'openid', 'signature', 'timestamp']);
        assert.equal(got!.body, got!.xml);
      } else {
        assert.deepEqual(Object.keys(q).sort(), ['encrypt_type', 'msg_signature', 'nonce', 'openid', 'signature', 'timestamp']);
        assert.equal(q.encrypt_type, 'aes');
        assert.match(got!.body, new RegExp(`^<xml><ToUserName><!\\[CDATA\\[${oa.originalId}\\]\\]></ToUserName><Encrypt><!\\[CDATA\\[[A-Za-z0-9+/=]+\\]\\]></Encrypt></xml>$`));
      }
      assert.match(got!.xml, new RegExp(`^<xml><ToUserName><!\\[CDATA\\[${oa.originalId}\\]\\]></ToUserName><FromUserName><!\\[CDATA\\[${r.openid}\\]\\]></FromUserName><CreateTime>\\d+</CreateTime><MsgType><!\\[CDATA\\[event\\]\\]></MsgType><Event><!\\[CDATA\\[subscribe\\]\\]></Event><EventKey><!\\[CDATA\\[\\]\\]></EventKey></xml>$`));
      const again = await act('oa-follow', { person_id: p.id, appid: DEMO_APPID });
      assert.equal(again.outcome, 'already_following');
      assert.deepEqual(again.deliveries, []);
      const d = (await sb.api('GET', `/deliveries?appid=${DEMO_APPID}&kind=event`)).body.deliveries as Json[];
      assert.equal(d.at(-1)!.kind, 'event/subscribe');
      assert.equal(d.at(-1)!.status, 'delivered');
      assert.equal(d.at(-1)!.appid, DEMO_APPID);
    });

    it('sends subscribe with qrscene_ + Ticket for a new follower, SCAN with the raw scene for a follower', async () => {
      const code = await qr({ action_name: 'QR_LIMIT_STR_SCENE', action_info: { scene: { scene_str: `inv${mode}` } } });
      const p = next();
      const first = await act('scan', { person_id: p.id, qr_url: code.url });
      assert.equal(first.outcome, 'subscribed');
      const second = await act('scan', { person_id: p.id, qr_url: code.url });
      assert.equal(second.outcome, 'scanned');
      const [sub, scan] = await rcv.waitFor(2);
      assert.equal(sub!.fields.Event, 'subscribe');
      assert.equal(sub!.fields.EventKey, `qrscene_inv${mode}`);
      assert.equal(sub!.fields.Ticket, code.ticket);
      assert.equal(scan!.fields.Event, 'SCAN');
      assert.equal(scan!.fields.EventKey, `inv${mode}`);
      assert.equal(scan!.fields.Ticket, code.ticket);
      const info = await sb.api('GET', `/oas/${DEMO_APPID}/followers`);
      const f = (info.body.followers as Json[]).find((x) => x.openid === first.openid)!;
      assert.equal(f.subscribe_scene, 'ADD_SCENE_QR_CODE');
      assert.equal(f.qr_scene_str, `inv${mode}`);
    });

    it('sends unsubscribe, and a re-follow is a new subscribe with the same openid', async () => {
      const p = next();
      const a = await act('oa-follow', { person_id: p.id, appid: DEMO_APPID });
      const b = await act('oa-unfollow', { person_id: p.id, appid: DEMO_APPID });
      assert.equal(b.outcome, 'unsubscribed');
      assert.equal((await act('oa-unfollow', { person_id: p.id, appid: DEMO_APPID })).outcome, 'not_following');
      const code = await qr({ action_name: 'QR_SCENE', action_info: { scene: { scene_id: 4242 } } });
      const c = await act('scan', { person_id: p.id, qr_url: code.url });
      assert.equal(c.outcome, 'subscribed');
      assert.equal(c.openid, a.openid);
      const got = await rcv.waitFor(3);
      assert.deepEqual(got.map((x) => x.fields.Event), ['subscribe', 'unsubscribe', 'subscribe']);
      assert.equal(got[1]!.fields.EventKey, '');
      assert.equal(got[2]!.fields.EventKey, 'qrscene_4242');
      assert.ok(got.every((x) => x.fields.FromUserName === a.openid));
    });

    it('forwards what the user writes as a text message with a 64-bit MsgId', async () => {
      const p = next();
      await act('oa-follow', { person_id: p.id, appid: DEMO_APPID });
      const r = await act('oa-message', { person_id: p.id, appid: DEMO_APPID, content: '我要参加活动 <b>&' });
      assert.equal(r.outcome, 'sent');
      const [, msg] = await rcv.waitFor(2);
      assert.equal(msg!.fields.MsgType, 'text');
      assert.equal(msg!.fields.Content, '我要参加活动 <b>&');
      assert.match(msg!.xml, /<MsgId>\d{17}<\/MsgId>/);
      assert.ok(BigInt(msg!.fields.MsgId as string) > BigInt(Number.MAX_SAFE_INTEGER));
    });

    it('turns a passive reply into a message the user sees; an invalid one into WeChat\'s error notice', async () => {
      const cc = createCallbackCrypto({ token: oa.callback.token, encodingAESKey: oa.callback.encodingAESKey, receiveId: DEMO_APPID });
      rcv.reply = (push: OaPush) => {
        if (push.fields.Event !== 'subscribe') return '{"oops":true}';
        const xml = buildXml({ ToUserName: push.fields.FromUserName as string, FromUserName: oa.originalId, CreateTime: 1, MsgType: 'text', Content: '欢迎关注！回复 1 领取海报' });
        return mode === 'plain' ? xml : cc.sealReply(xml, { timestamp: '1700000000', nonce: '42' });
      };
      const p = next();
      const f = await act('oa-follow', { person_id: p.id, appid: DEMO_APPID });
      await act('oa-message', { person_id: p.id, appid: DEMO_APPID, content: 'hi' });
      const got = await messages(f.openid);
      assert.deepEqual(got.map((m) => m.kind), ['reply', 'user', 'notice']);
      assert.deepEqual(got[0]!.content, { msgtype: 'text', text: { content: '欢迎关注！回复 1 领取海报' } });
      assert.equal(got[2]!.content.text, '该公众号暂时无法提供服务，请稍后再试');
    });

    it('sends TEMPLATESENDJOBFINISH after a template message, failed:user block when notifications are off', async () => {
      const p = next();
      const f = await act('oa-follow', { person_id: p.id, appid: DEMO_APPID });
      const tpl = oa.templates[0].templateId;
      const send = () => oaPost(sb, `/cgi-bin/message/template/send?access_token=${token}`, { touser: f.openid, template_id: tpl, data: { keyword1: { value: '裂变' } } });
      const token = await oaToken(sb);
      const ok = await send();
      assert.equal(ok.errcode, 0);
      await act('oa-refuse-templates', { person_id: p.id, appid: DEMO_APPID, refuse: true });
      const blocked = await send();
      await sb.api('POST', '/deliveries/flush');
      const got = await rcv.waitFor(3);
      assert.deepEqual(got.slice(1).map((x) => [x.fields.Event, x.fields.MsgID, x.fields.Status]), [
        ['TEMPLATESENDJOBFINISH', String(ok.msgid), 'success'],
        ['TEMPLATESENDJOBFINISH', String(blocked.msgid), 'failed:user block'],
      ]);
    });

    it('retries a failing server with the same CreateTime, then shows the user the error notice', async () => {
      rcv.status = () => 500;
      const p = next();
      const r = await act('oa-follow', { person_id: p.id, appid: DEMO_APPID });
      const got = await rcv.waitFor(3);
      assert.equal(new Set(got.map((x) => x.fields.CreateTime)).size, 1);
      assert.equal(new Set(got.map((x) => x.query.nonce)).size, 3);
      const d = (await sb.api('GET', `/deliveries/${r.deliveries[0].id}`)).body;
      assert.equal(d.status, 'failed');
      assert.equal(d.attempts.length, 3);
      assert.deepEqual((await messages(r.openid)).map((m) => m.kind), ['notice']);
    });

    it('drops, duplicates and holds pushes on request', async () => {
      const [a, b] = [next(), next()];
      const dropped = await act('oa-follow', { person_id: a.id, appid: DEMO_APPID, faults: { drop: true } });
      assert.equal(dropped.deliveries[0].status, 'dropped');
      const held = await act('oa-follow', { person_id: b.id, appid: DEMO_APPID, faults: { hold: true, duplicate: true } });
      assert.equal(held.deliveries[0].status, 'held');
      assert.equal(rcv.received.length, 0);
      await sb.api('POST', '/deliveries/release', { ids: [held.deliveries[0].id], wait: true });
      const got = await rcv.waitFor(2);
      assert.equal(got[0]!.xml, got[1]!.xml);
    });
  });
}

describe('sandbox OA server URL check', () => {
  it('keeps the old settings when the receiver cannot echo (wrong token)', async () => {
    const sb = await startTestSandbox();
    const oa = await oaCredentials(sb);
    const wrong = await startOaReceiver({ token: 'someothertoken', encodingAESKey: oa.callback.encodingAESKey, appid: DEMO_APPID, originalId: oa.originalId });
    try {
      const r = await sb.api('PUT', `/oas/${DEMO_APPID}/callback`, { url: wrong.url, verify: true });
      assert.equal(r.status, 409);
      assert.match(r.body.error.message, /server URL verification failed: HTTP 403/);
      assert.equal((await oaCredentials(sb)).callback.url, null);
      const check = await sb.api('POST', `/oas/${DEMO_APPID}/callback/verify`);
      assert.equal(check.body.ok, false);
      assert.equal((await sb.api('PUT', `/oas/${DEMO_APPID}/callback`, { mode: 'compatible' })).status, 400);
    } finally {
      await wrong.close();
      await sb.close();
    }
  });
});
