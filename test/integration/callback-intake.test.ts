// The callback intake over HTTP against a real database: WeCom (encrypted) and OA (plain and
// safe mode) events land in the inbox exactly once with one processing job; every refusal stores
// nothing. Includes the published Vector A delivered to a workspace configured with its values.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { describeEachEngine } from '../helpers/db.ts';
import { loadConfig } from '../../src/config.ts';
import type { Db } from '../../src/db/client.ts';
import { buildApp } from '../../src/http/app.ts';
import { JobQueue } from '../../src/jobs/queue.ts';
import { InboxProcessJob } from '../../src/modules/inbox/inbox-job.ts';
import { listInbox } from '../../src/modules/inbox/inbox-rows.ts';
import { updateWorkspaceSettings, type WorkspaceSettingsPatch } from '../../src/modules/workspace/update-workspace-settings.ts';
import { buildExternalContactEventXml, buildXml, createCallbackCrypto, msgSignature, plainSignature } from '../../src/wechat/protocol/index.ts';
import { VECTOR_A } from '../../src/wechat/protocol/test-vectors.ts';

const alnum = (n: number) => randomBytes(n * 2).toString('base64').replace(/[^A-Za-z0-9]/g, '').slice(0, n);
const CORP = 'wwcorp0001';
const WECOM = { token: 'wecomTok1', encodingAESKey: alnum(43), receiveId: CORP };
const OA = { appId: 'wx0123456789abcdef', originalId: 'gh_0123456789ab', token: 'oaTok1', aesKey: alnum(43) };
const now = () => String(Math.floor(Date.now() / 1000));
const nonce = () => String(Math.floor(Math.random() * 1e9));

async function addWorkspace(db: Db, slug: string, settings: WorkspaceSettingsPatch): Promise<string> {
  const r = await db.query<{ id: string }>('INSERT INTO workspaces (slug, name) VALUES ($1, $1) RETURNING id', [slug]);
  await updateWorkspaceSettings(db, r.rows[0]!.id, settings);
  return r.rows[0]!.id;
}

const qs = (q: object) => new URLSearchParams(q as Record<string, string>).toString();

describeEachEngine('callback intake', (ctx) => {
  let app: FastifyInstance;
  let wideApp: FastifyInstance; // timestamp window widened for the 2014 test vector
  let jobs: JobQueue;
  const ids: Record<string, string> = {};

  before(async () => {
    const { db } = ctx();
    jobs = await JobQueue.start(db, { supervise: false, queues: [InboxProcessJob] });
    const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), callbackMaxSkewSeconds: 300 };
    app = await buildApp({ config, db, jobs });
    wideApp = await buildApp({ config: { ...config, callbackMaxSkewSeconds: 20 * 365 * 86_400 }, db, jobs });
    ids.wc = await addWorkspace(db, 'wc', { wecomCorpId: CORP, wecomCallbackToken: WECOM.token, wecomCallbackAesKey: WECOM.encodingAESKey });
    ids.va = await addWorkspace(db, 'vector-a', { wecomCorpId: VECTOR_A.receiveId, wecomCallbackToken: VECTOR_A.token, wecomCallbackAesKey: VECTOR_A.encodingAESKey });
    ids.oaPlain = await addWorkspace(db, 'oa-plain', { oaAppId: OA.appId, oaOriginalId: OA.originalId, oaCallbackToken: OA.token });
    ids.oaSafe = await addWorkspace(db, 'oa-safe', { oaAppId: OA.appId, oaOriginalId: OA.originalId, oaCallbackToken: OA.token, oaCallbackAesKey: OA.aesKey });
    ids.bare = await addWorkspace(db, 'bare', {});
  });
  after(async () => {
    await app?.close();
    await wideApp?.close();
    await jobs?.stop();
  });

  const count = async (workspaceId: string) => (await listInbox(ctx().db, workspaceId)).length;
  const jobCount = async () => (await ctx().db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1`, [InboxProcessJob.name])).rows[0]!.n;

  const wecomEvent = (over: Partial<Parameters<typeof buildExternalContactEventXml>[0]> = {}) =>
    buildExternalContactEventXml({ toUserName: CORP, fromUserName: 'sys', createTime: 1_700_000_000, changeType: 'add_external_contact', userId: 'zhangsan', externalUserId: 'wmEXT1', state: 't1', welcomeCode: 'WC1', ...over });
  const sealWecom = (xml: string, creds = WECOM, timestamp = now()) => createCallbackCrypto(creds).sealCallback(xml, { timestamp, nonce: nonce() });
  const postWecom = (slug: string, s: { query: object; body: string }, target = app) =>
    target.inject({ method: 'POST', url: `/callback/wecom/${slug}?${qs(s.query)}`, headers: { 'content-type': 'text/xml' }, payload: s.body });

  test('WeCom URL verification answers the decrypted echostr exactly', async () => {
    const q = createCallbackCrypto(WECOM).sealEchostr('8237465019283746', { timestamp: now(), nonce: nonce() });
    const res = await app.inject({ method: 'GET', url: `/callback/wecom/wc?${qs(q)}` });
    assert.equal(res.statusCode, 200);
    assert.equal(res.body, '8237465019283746');

    const v = VECTOR_A.verify;
    const va = await wideApp.inject({ method: 'GET', url: `/callback/wecom/vector-a?${qs({ msg_signature: v.msg_signature, timestamp: v.timestamp, nonce: v.nonce, echostr: v.echostr })}` });
    assert.equal(va.statusCode, 200);
    assert.equal(va.body, v.plain);
  });

  test('Vector A: the official encrypted text message lands in the inbox', async () => {
    const p = VECTOR_A.post;
    const body = buildXml({ ToUserName: VECTOR_A.receiveId, AgentID: '218', Encrypt: p.encrypt });
    const res = await postWecom('vector-a', { query: { msg_signature: p.msg_signature, timestamp: p.timestamp, nonce: p.nonce }, body }, wideApp);
    assert.equal(res.statusCode, 200);
    assert.equal(res.body, 'success');
    const [row] = await listInbox(ctx().db, ids.va!);
    assert.equal(row?.eventType, 'message:text');
    assert.equal(row?.dedupeKey, 'msg:4561255354251345929');
    assert.equal(row?.status, 'pending');
    assert.match(row!.rawXml, /<Content><!\[CDATA\[hello\]\]><\/Content>/);
    assert.equal((row!.payload as { fields: { Content: string } }).fields.Content, 'hello');
    // The same vector outside the normal window is refused.
    const stale = await postWecom('vector-a', { query: { msg_signature: p.msg_signature, timestamp: p.timestamp, nonce: p.nonce }, body });
    assert.equal(stale.statusCode, 401);
  });

  test('the same callback posted 3 times, then 3 times at once, is stored and enqueued once', async () => {
    const jobsBefore = await jobCount();
    const sealed = sealWecom(wecomEvent({ externalUserId: 'wmDUP' }));
    for (let i = 0; i < 3; i++) assert.equal((await postWecom('wc', sealed)).body, 'success');
    // A WeCom retry re-signs with a new nonce/timestamp but the same event.
    const resent = sealWecom(wecomEvent({ externalUserId: 'wmDUP' }));
    const all = await Promise.all([postWecom('wc', resent), postWecom('wc', resent), postWecom('wc', sealed)]);
    assert.deepEqual(all.map((r) => [r.statusCode, r.body]), [[200, 'success'], [200, 'success'], [200, 'success']]);
    const rows = (await listInbox(ctx().db, ids.wc!)).filter((r) => r.dedupeKey.includes('wmDUP'));
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.eventType, 'change_external_contact');
    assert.equal(rows[0]!.dedupeKey, 'contact:add_external_contact:1700000000:zhangsan:wmDUP:WC1');
    assert.equal(await jobCount(), jobsBefore + 1);
  });

  test('refusals store nothing: signature, timestamp, receiver, XML, ciphertext, workspace', async () => {
    const before = await count(ids.wc!);
    const jobsBefore = await jobCount();
    const good = sealWecom(wecomEvent({ externalUserId: 'wmREFUSED' }));
    const cases: Array<[string, Promise<{ statusCode: number; body: string }>, number, RegExp]> = [
      ['bad signature', postWecom('wc', { ...good, query: { ...good.query, msg_signature: 'f'.repeat(40) } }), 401, /signature/],
      ['old timestamp', postWecom('wc', sealWecom(wecomEvent({ externalUserId: 'wmREFUSED' }), WECOM, String(Number(now()) - 301))), 401, /timestamp/],
      ['wrong corpid', postWecom('wc', sealWecom(wecomEvent({ externalUserId: 'wmREFUSED' }), { ...WECOM, receiveId: 'wwOTHERCORP' })), 401, /receiver/],
      ['malformed XML', postWecom('wc', { ...good, body: '<xml><Encrypt>' }), 400, /malformed XML/],
      ['not a ciphertext', (() => {
        const q = { timestamp: now(), nonce: '1' };
        const enc = 'bm90IGEgY2lwaGVydGV4dA==';
        return postWecom('wc', { query: { ...q, msg_signature: msgSignature(WECOM.token, q.timestamp, q.nonce, enc) }, body: buildXml({ ToUserName: CORP, Encrypt: enc }) });
      })(), 400, /decrypt/],
      ['inner XML malformed', postWecom('wc', sealWecom('<xml><Event>')), 400, /malformed XML/],
      ['unknown workspace', postWecom('nope', good), 404, /workspace nope not found/],
      ['no callback settings', postWecom('bare', good), 409, /no WeCom callback settings/],
      ['missing query', app.inject({ method: 'POST', url: '/callback/wecom/wc', headers: { 'content-type': 'text/xml' }, payload: good.body }), 400, /msg_signature/],
    ];
    for (const [name, p, status, message] of cases) {
      const res = await p;
      assert.equal(res.statusCode, status, `${name}: ${res.body}`);
      assert.match(JSON.parse(res.body).error.message, message, name);
    }
    assert.equal(await count(ids.wc!), before);
    assert.equal(await jobCount(), jobsBefore);
  });

  const oaEventXml = (over: Record<string, string | number> = {}) =>
    buildXml({ ToUserName: OA.originalId, FromUserName: 'oUSER1', CreateTime: 1_700_000_100, MsgType: 'event', Event: 'subscribe', EventKey: 'qrscene_t42', Ticket: 'TK', ...over });
  const plainQuery = (token = OA.token) => {
    const timestamp = now();
    const n = nonce();
    return { signature: plainSignature(token, timestamp, n), timestamp, nonce: n, openid: 'oUSER1' };
  };
  const postOa = (slug: string, query: Record<string, string>, body: string) =>
    app.inject({ method: 'POST', url: `/callback/oa/${slug}?${qs(query)}`, headers: { 'content-type': 'text/xml' }, payload: body });

  test('OA URL verification echoes the plain echostr; a wrong signature is refused', async () => {
    const q = plainQuery();
    const ok = await app.inject({ method: 'GET', url: `/callback/oa/oa-plain?${qs({ ...q, echostr: '5837397520665436492' })}` });
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.body, '5837397520665436492');
    const bad = await app.inject({ method: 'GET', url: `/callback/oa/oa-plain?${qs({ ...plainQuery('otherTok'), echostr: '1' })}` });
    assert.equal(bad.statusCode, 401);
  });

  test('OA plain mode: a signed subscribe lands once; bad signature, other OA and bad XML store nothing', async () => {
    const xml = oaEventXml();
    assert.equal((await postOa('oa-plain', plainQuery(), xml)).body, 'success');
    assert.equal((await postOa('oa-plain', plainQuery(), xml)).body, 'success');
    const rows = await listInbox(ctx().db, ids.oaPlain!);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.eventType, 'subscribe');
    assert.equal(rows[0]!.dedupeKey, 'event:oUSER1:1700000100:subscribe:t42');
    assert.deepEqual(rows[0]!.payload, { kind: 'subscribe', toUserName: OA.originalId, fromUserName: 'oUSER1', createTime: 1_700_000_100, scene: 't42', ticket: 'TK' });

    assert.equal((await postOa('oa-plain', plainQuery('otherTok'), oaEventXml({ CreateTime: 1 }))).statusCode, 401);
    assert.equal((await postOa('oa-plain', plainQuery(), oaEventXml({ CreateTime: 2, ToUserName: 'gh_another00001' }))).statusCode, 401);
    assert.equal((await postOa('oa-plain', plainQuery(), '<xml><MsgType>')).statusCode, 400);
    assert.equal(await count(ids.oaPlain!), 1);
  });

  test('OA safe mode: an encrypted message lands; plain posts and other appids are refused', async () => {
    const crypto = createCallbackCrypto({ token: OA.token, encodingAESKey: OA.aesKey, receiveId: OA.appId });
    const sealed = crypto.sealCallback(oaEventXml({ MsgType: 'text', Content: 'hi', MsgId: '23456789012345678901', Event: '', EventKey: '', Ticket: '' }), { timestamp: now(), nonce: nonce() });
    const query = { ...plainQuery(), ...sealed.query, encrypt_type: 'aes' };
    const res = await postOa('oa-safe', query, sealed.body);
    assert.equal(res.statusCode, 200, res.body);
    const rows = await listInbox(ctx().db, ids.oaSafe!);
    assert.deepEqual(rows.map((r) => [r.eventType, r.dedupeKey]), [['message:text', 'msg:23456789012345678901']]);

    const plain = await postOa('oa-safe', plainQuery(), oaEventXml({ CreateTime: 3 }));
    assert.equal(plain.statusCode, 401);
    assert.match(plain.body, /encrypted/);
    const other = createCallbackCrypto({ token: OA.token, encodingAESKey: OA.aesKey, receiveId: 'wxffffffffffffffff' }).sealCallback(oaEventXml({ CreateTime: 4 }), { timestamp: now(), nonce: '7' });
    assert.equal((await postOa('oa-safe', { ...plainQuery(), ...other.query, encrypt_type: 'aes' }, other.body)).statusCode, 401);
    assert.equal((await postOa('oa-safe', { ...plainQuery(), encrypt_type: 'aes' }, sealed.body)).statusCode, 400, 'msg_signature required');
    assert.equal(await count(ids.oaSafe!), 1);
  });
});
