// Contract: the real Official Account client against the sandbox's /oa, /mp and /open hosts over
// HTTP (reference §6), for every endpoint the client offers and its error paths: the token cached in
// the database and refreshed once when the sandbox revokes or expires it, parametric QR codes and
// their images, user/info before and after unfollowing, the customer-service window (45015/45047),
// template messages (43004), web OAuth as a chosen person (40163, 48001), and 45009 backoff.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachEngine } from '../helpers/db.ts';
import { captureLogger } from '../helpers/fake-wechat.ts';
import { makePeople, startTestSandbox, type Json, type TestSandbox } from '../helpers/sandbox.ts';
import { DEMO_APPID, oaCredentials } from '../helpers/sandbox-oa.ts';
import { createManualClock } from '../../src/sandbox/clock.ts';
import { WeChatApiError } from '../../src/wechat/core/api-error.ts';
import { sandboxHosts } from '../../src/wechat/hosts.ts';
import { OaClient } from '../../src/wechat/oa/client.ts';
import type { CreateQrCodeRequest } from '../../src/wechat/oa/types.ts';
import { tokenCacheKey } from '../../src/wechat/token-cache.ts';

const FAST_RETRY = { retries: 3, baseDelayMs: 5, maxDelayMs: 20 };
const START = Date.parse('2026-03-02T02:00:00Z');

/** The errcode a call failed with (a WeChatApiError), or fails the test. */
async function errcodeOf(p: Promise<unknown>, api?: string): Promise<number | null> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  assert.ok(err instanceof WeChatApiError, `expected a WeChatApiError, got ${String(err)}`);
  if (api) assert.equal(err.api, api);
  return err.errcode;
}

describeEachEngine('Official Account client against the sandbox', (ctx) => {
  let sb: TestSandbox;
  let oa: OaClient;
  let secret: string;
  let templateId: string;
  let people: Json[];
  const log = captureLogger();
  const client = (s: TestSandbox, logger = log.logger) => {
    const hosts = sandboxHosts(s.url);
    return new OaClient({
      appId: DEMO_APPID, appSecret: secret, db: ctx().db, logger, baseUrl: hosts.oa, mpBaseUrl: hosts.mp, openBaseUrl: hosts.open,
      rateLimit: false, retry: FAST_RETRY,
    });
  };
  const calls = (api: string) => log.lines.map((l) => JSON.parse(l)).filter((l) => l.wechat === 'oa' && l.api === api);
  const follow = async (personId: string) => (await sb.api('POST', '/actions/oa-follow', { person_id: personId, appid: DEMO_APPID })).body.openid as string;

  before(async () => {
    sb = await startTestSandbox({ clock: createManualClock(START) });
    const creds = await oaCredentials(sb);
    secret = creds.secret;
    templateId = creds.templates[0].templateId;
    oa = client(sb);
    people = await makePeople(sb, 6, 41);
  });
  after(() => sb?.close());

  test('token: fetched once, cached in the database, shared by client instances', async () => {
    const before = calls('token').length;
    const t1 = await oa.accessToken();
    assert.equal(await oa.accessToken(), t1);
    assert.equal(await client(sb).accessToken(), t1);
    assert.equal(calls('token').length - before, 1);
    const rows = (await ctx().db.query<{ access_token: string }>('SELECT access_token FROM wechat_tokens WHERE cache_key = $1', [tokenCacheKey(sandboxHosts(sb.url).oa, DEMO_APPID, secret)])).rows;
    assert.deepEqual(rows.map((r) => r.access_token), [t1]);
  });

  for (const errcode of [42001, 40001, 40014] as const) {
    test(`token: revoked with ${errcode} → refreshed once, the call retried`, async () => {
      const openid = await follow(people[5]!.id);
      const t1 = await oa.accessToken();
      await sb.api('POST', '/tokens/invalidate', { access_token: t1, errcode });
      log.lines.length = 0;
      assert.equal((await oa.getUserInfo(openid)).openid, openid);
      assert.deepEqual(calls('user/info').map((l) => l.errcode), [errcode, 0]);
      assert.equal(calls('token').length, 1);
      const t2 = await oa.accessToken();
      assert.notEqual(t2, t1);
      assert.equal(await client(sb).accessToken(), t2, 'the database holds the new token');
    });
  }

  test('token: expired on the sandbox clock while the database still trusts it → refreshed once', async () => {
    const openid = await follow(people[5]!.id);
    const t1 = await oa.accessToken();
    await sb.api('POST', '/clock/advance', { seconds: 7201 });
    log.lines.length = 0;
    assert.equal((await oa.getUserInfo(openid)).subscribe, 1);
    assert.deepEqual(calls('user/info').map((l) => l.errcode), [42001, 0]);
    assert.notEqual(await oa.accessToken(), t1);
  });

  test('qrcode/create: temporary and permanent codes, their images, typed errors for bad requests', async () => {
    const temp = await oa.createQrCode({ expire_seconds: 600, action_name: 'QR_STR_SCENE', action_info: { scene: { scene_str: 'task_42_inviter_7' } } });
    assert.equal(temp.expire_seconds, 600);
    assert.match(temp.ticket, /\S/);
    assert.match(temp.url, /^http:\/\/127\.0\.0\.1:\d+\/q\//);
    const perm = await oa.createQrCode({ action_name: 'QR_LIMIT_SCENE', action_info: { scene: { scene_id: 77 } } });
    assert.equal(perm.expire_seconds, undefined);
    assert.equal((await oa.createQrCode({ action_name: 'QR_LIMIT_SCENE', action_info: { scene: { scene_id: 77 } } })).ticket, perm.ticket, 'a permanent scene keeps its ticket');
    const permStr = await oa.createQrCode({ action_name: 'QR_LIMIT_STR_SCENE', action_info: { scene: { scene_str: 'poster_A' } } });
    assert.notEqual(permStr.ticket, perm.ticket);

    for (const ticket of [temp.ticket, perm.ticket]) {
      const img = await fetch(oa.qrCodeImageUrl(ticket));
      assert.equal(img.status, 200, `showqrcode for ${ticket}`);
      assert.match(img.headers.get('content-type') ?? '', /^image\/jpeg/);
      const bytes = Buffer.from(await img.arrayBuffer());
      assert.deepEqual([...bytes.subarray(0, 3)], [0xff, 0xd8, 0xff]);
    }

    assert.equal(await errcodeOf(oa.createQrCode({ action_name: 'QR_LIMIT_SCENE', action_info: { scene: { scene_id: 0 } } }), 'qrcode/create'), 40053);
    assert.equal(await errcodeOf(oa.createQrCode({ action_name: 'QR_LIMIT_SCENE', action_info: { scene: { scene_id: 100_001 } } })), 40053);
    assert.equal(await errcodeOf(oa.createQrCode({ expire_seconds: 60, action_name: 'QR_STR_SCENE', action_info: { scene: { scene_str: 'x'.repeat(65) } } })), 40053);
    const badAction = { action_name: 'QR_NOPE', action_info: { scene: { scene_id: 1 } } } as unknown as CreateQrCodeRequest;
    assert.equal(await errcodeOf(oa.createQrCode(badAction)), 40052);
  });

  test('user/info: a follower by scan (scene), then subscribe 0 after unfollowing', async () => {
    const code = await oa.createQrCode({ expire_seconds: 600, action_name: 'QR_STR_SCENE', action_info: { scene: { scene_str: 'inv_9' } } });
    const scan = (await sb.api('POST', '/actions/scan', { person_id: people[0]!.id, appid: DEMO_APPID, ticket: code.ticket })).body;
    assert.equal(scan.outcome, 'subscribed', JSON.stringify(scan));
    const openid = (await sb.api('GET', `/people/${people[0]!.id}`)).body.oas.find((a: Json) => a.appid === DEMO_APPID).openid as string;
    const info = await oa.getUserInfo(openid);
    assert.deepEqual([info.subscribe, info.openid, info.qr_scene_str, info.subscribe_scene], [1, openid, 'inv_9', 'ADD_SCENE_QR_CODE']);
    assert.equal(typeof info.subscribe_time, 'number');
    assert.match(info.unionid ?? '', /\S/);

    await sb.api('POST', '/actions/oa-unfollow', { person_id: people[0]!.id, appid: DEMO_APPID });
    const gone = await oa.getUserInfo(openid);
    assert.equal(gone.subscribe, 0);
    assert.equal(gone.subscribe_time, undefined);
    assert.equal(await errcodeOf(oa.getUserInfo('oNOBODYxxxxxxxxxxxxxxxxxxxxx'), 'user/info'), 40003);
  });

  test('custom send: 3 messages in the minute after a follow (45047 beyond), 45015 outside every window', async () => {
    const openid = await follow(people[1]!.id);
    for (let i = 1; i <= 3; i++) await oa.sendCustomMessage({ touser: openid, msgtype: 'text', text: { content: `第${i}条` } });
    assert.equal(await errcodeOf(oa.sendCustomMessage({ touser: openid, msgtype: 'text', text: { content: '第4条' } }), 'message/custom/send'), 45047);
    const msgs = (await sb.api('GET', `/oas/${DEMO_APPID}/messages?openid=${openid}&kind=custom`)).body.messages as Json[];
    assert.equal(msgs.length, 3);

    await sb.api('POST', '/clock/advance', { seconds: 61 });
    assert.equal(await errcodeOf(oa.sendCustomMessage({ touser: openid, msgtype: 'text', text: { content: 'late' } })), 45015);
    // The person writes: a 48-hour window opens.
    await sb.api('POST', '/actions/oa-message', { person_id: people[1]!.id, appid: DEMO_APPID, content: '你好' });
    await oa.sendCustomMessage({ touser: openid, msgtype: 'text', text: { content: '收到' } });
    await sb.api('POST', '/actions/oa-unfollow', { person_id: people[1]!.id, appid: DEMO_APPID });
    assert.equal(await errcodeOf(oa.sendCustomMessage({ touser: openid, msgtype: 'text', text: { content: 'gone' } })), 45015);
  });

  test('template send: a msgid for a follower, 43004 when not following, 40037 for an unknown template', async () => {
    const openid = await follow(people[2]!.id);
    const data = { first: { value: '任务进度' }, keyword1: { value: '邀请 3 人' }, keyword2: { value: '2/3' }, remark: { value: '加油' } };
    const msgid = await oa.sendTemplateMessage({ touser: openid, template_id: templateId, url: 'https://h5.example.com/t', data });
    assert.ok(Number.isInteger(msgid) && msgid > 0);
    assert.equal(await errcodeOf(oa.sendTemplateMessage({ touser: openid, template_id: 'no-such-template', data })), 40037);
    await sb.api('POST', '/actions/oa-unfollow', { person_id: people[2]!.id, appid: DEMO_APPID });
    assert.equal(await errcodeOf(oa.sendTemplateMessage({ touser: openid, template_id: templateId, data }), 'message/template/send'), 43004);
  });

  test('OAuth: authorize as a chosen person → code → web token (single use) → userinfo by scope', async () => {
    const person = people[3]!;
    const codeAs = async (scope: 'snsapi_base' | 'snsapi_userinfo') => {
      const url = new URL(oa.oauthAuthorizeUrl({ redirectUri: 'https://h5.example.com/cb?x=1', scope, state: 'st8' }));
      assert.equal(url.hash, '#wechat_redirect');
      url.searchParams.set('as', person.id); // the sandbox's stand-in for "the phone knows its user"
      const res = await fetch(url, { redirect: 'manual' });
      assert.equal(res.status, 302);
      const back = new URL(res.headers.get('location')!);
      assert.deepEqual([back.host, back.pathname, back.searchParams.get('x'), back.searchParams.get('state')], ['h5.example.com', '/cb', '1', 'st8']);
      return back.searchParams.get('code')!;
    };

    const baseCode = await codeAs('snsapi_base');
    const base = await oa.oauthAccessToken(baseCode);
    assert.equal(base.scope, 'snsapi_base');
    const openid = (await sb.api('GET', `/people/${person.id}`)).body.oas.find((a: Json) => a.appid === DEMO_APPID).openid;
    assert.equal(base.openid, openid);
    assert.equal(await errcodeOf(oa.oauthAccessToken(baseCode), 'sns/oauth2/access_token'), 40163);
    assert.equal(await errcodeOf(oa.snsUserInfo(base.access_token, base.openid), 'sns/userinfo'), 48001);
    assert.equal(await errcodeOf(oa.oauthAccessToken('nosuchcode000000000000000000000')), 40029);

    const full = await oa.oauthAccessToken(await codeAs('snsapi_userinfo'));
    assert.equal(full.openid, openid);
    const profile = await oa.snsUserInfo(full.access_token, full.openid);
    assert.equal(profile.openid, openid);
    assert.equal(profile.nickname, person.nickname);
    assert.match(profile.headimgurl, /^http/);
    // Passing OAuth makes the person known to the account without following it.
    assert.equal((await oa.getUserInfo(openid)).subscribe, 0);
    assert.throws(() => oa.oauthAuthorizeUrl({ redirectUri: 'https://h5.example.com/cb', scope: 'snsapi_base', state: 'no-dash' }));
  });

  test('45009 from a tiny daily quota: backs off, gives up when bounded, succeeds once the window passed', async () => {
    const tiny = await startTestSandbox({ clock: createManualClock(START), limits: { oa: { daily: { 'qrcode/create': 2 } } } });
    try {
      // Whenever the client backs off, the test jumps the sandbox clock past the block window
      // (the next Asia/Shanghai day) — only once `passTime` is on.
      let passTime = false;
      const busy = captureLogger();
      const warn = busy.logger.warn.bind(busy.logger);
      const logger = {
        info: busy.logger.info.bind(busy.logger),
        warn: (obj: Json, msg?: string) => {
          if (passTime && msg === 'wechat busy, backing off') tiny.server.sandbox.clock.advance(86_400_000);
          warn(obj, msg);
        },
      } as unknown as typeof log.logger;
      const c = client(tiny, logger);
      const scene = (n: number): CreateQrCodeRequest => ({ expire_seconds: 600, action_name: 'QR_SCENE', action_info: { scene: { scene_id: n } } });
      await c.createQrCode(scene(1));
      await c.createQrCode(scene(2));
      const lines = () => busy.lines.map((l) => JSON.parse(l)).filter((l) => l.api === 'qrcode/create');

      assert.equal(await errcodeOf(c.createQrCode(scene(3))), 45009);
      assert.deepEqual(lines().slice(2).filter((l) => l.msg !== 'wechat busy, backing off').map((l) => l.errcode), [45009, 45009, 45009, 45009], 'first try + 3 retries');

      busy.lines.length = 0;
      passTime = true;
      const ok = await c.createQrCode(scene(4));
      assert.match(ok.ticket, /\S/);
      const seen = lines();
      assert.equal(seen[0]!.errcode, 45009);
      assert.equal(seen[1]!.msg, 'wechat busy, backing off');
      assert.equal(seen.at(-1)!.errcode, 0);
    } finally {
      await tiny.close();
    }
  });
});
