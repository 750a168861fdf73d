// WeChat client policies against a fake WeChat over real HTTP and a real database: tokens cached
// in the database and shared by client instances (and by processes on PostgreSQL), one refresh
// and retry on 42001/40014, backoff on 45009/-1, the error shape, and logs free of secrets.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachEngine } from '../helpers/db.ts';
import { captureLogger, SECRET, startFakeWeChat, type FakeWeChat } from '../helpers/fake-wechat.ts';
import { openDb } from '../../src/db/client.ts';
import { toAppError } from '../../src/http/error-map.ts';
import { WeChatApiError } from '../../src/wechat/core/api-error.ts';
import { RateLimiter } from '../../src/wechat/core/rate-limiter.ts';
import { tokenCacheKey } from '../../src/wechat/token-cache.ts';
import { WeComClient } from '../../src/wechat/wecom/client.ts';

const CORP = 'wwfakecorp01';
const FAST_RETRY = { retries: 3, baseDelayMs: 5, maxDelayMs: 20 };

describeEachEngine('WeChat client policies', (ctx, engine) => {
  let fake: FakeWeChat;
  const log = captureLogger();
  const client = (over: Partial<ConstructorParameters<typeof WeComClient>[0]> = {}) =>
    new WeComClient({ corpId: CORP, secret: SECRET, db: ctx().db, logger: log.logger, baseUrl: fake.url, retry: FAST_RETRY, rateLimit: false, ...over });
  const resetTokens = () => ctx().db.query('DELETE FROM wechat_tokens');

  before(async () => {
    fake = await startFakeWeChat();
    fake.answer('/cgi-bin/externalcontact/get_contact_way', (r) => ({ contact_way: { config_id: (r.body as { config_id: string }).config_id, type: 1, scene: 2 } }));
  });
  after(async () => {
    await fake.close();
  });

  test('a token is fetched once and shared by client instances through the database', async () => {
    await resetTokens();
    const before = fake.tokenCalls();
    assert.equal((await client().getContactWay('cfg1')).config_id, 'cfg1');
    assert.equal((await client().getContactWay('cfg2')).config_id, 'cfg2');
    await Promise.all([client(), client(), client()].flatMap((c) => [c.getContactWay('a'), c.getContactWay('b')]));
    assert.equal(fake.tokenCalls() - before, 1);

    const rows = (await ctx().db.query<{ cache_key: string; access_token: string }>('SELECT cache_key, access_token FROM wechat_tokens')).rows;
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.cache_key, tokenCacheKey(fake.url, CORP, SECRET));
    assert.ok(!rows[0]!.cache_key.includes(SECRET), 'the key never holds the secret');
    assert.equal(rows[0]!.access_token, fake.issued.at(-1));
  });

  test('concurrent refreshes from a cold cache coalesce into one token call', async () => {
    await resetTokens();
    fake.revoke();
    fake.tokenDelayMs = 150;
    const before = fake.tokenCalls();
    try {
      await Promise.all(Array.from({ length: 6 }, (_, i) => client().getContactWay(`c${i}`)));
    } finally {
      fake.tokenDelayMs = 0;
    }
    assert.equal(fake.tokenCalls() - before, 1);
  });

  if (engine === 'postgres') {
    test('two database handles (as two processes) refresh once, serialised by the advisory lock', async () => {
      await resetTokens();
      fake.revoke();
      fake.tokenDelayMs = 150;
      const other = await openDb({ url: ctx().url! });
      const before = fake.tokenCalls();
      try {
        const a = client();
        const b = client({ db: other });
        const [ta, tb] = await Promise.all([a.accessToken(), b.accessToken()]);
        assert.equal(ta, tb);
      } finally {
        fake.tokenDelayMs = 0;
        await other.close();
      }
      assert.equal(fake.tokenCalls() - before, 1);
    });
  }

  for (const code of [42001, 40014] as const) {
    test(`a token refused with ${code} is refreshed once and the call retried`, async () => {
      const c = client();
      await c.getContactWay('warm');
      const old = fake.issued.at(-1);
      fake.revoke(code);
      const before = { token: fake.tokenCalls(), req: fake.requests.length };
      assert.equal((await c.getContactWay('after')).config_id, 'after');
      assert.equal(fake.tokenCalls() - before.token, 1);
      const calls = fake.requests.slice(before.req).filter((r) => r.path.endsWith('get_contact_way'));
      assert.deepEqual(calls.map((r) => r.query.access_token), [old, fake.issued.at(-1)]);
      // The new token is what the database now holds for every instance.
      assert.equal(await client().accessToken(), fake.issued.at(-1));
    });
  }

  test('a second token refusal after the refresh is not retried again', async () => {
    const c = client();
    await c.getContactWay('warm');
    fake.fail('/cgi-bin/externalcontact/get_contact_way', 42001, 42001);
    const before = fake.requests.length;
    await assert.rejects(c.getContactWay('x'), (e: unknown) => e instanceof WeChatApiError && e.errcode === 42001);
    assert.equal(fake.requests.slice(before).filter((r) => r.path.endsWith('get_contact_way')).length, 2);
  });

  test('45009 and -1 are retried with backoff until success; bounded otherwise', async () => {
    const c = client();
    await c.getContactWay('warm');
    log.lines.length = 0;
    fake.fail('/cgi-bin/externalcontact/get_contact_way', 45009, -1);
    let before = fake.requests.length;
    assert.equal((await c.getContactWay('busy')).config_id, 'busy');
    assert.equal(fake.requests.length - before, 3);
    const backoffs = log.lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'wechat busy, backing off');
    assert.deepEqual(backoffs.map((l) => l.errcode), [45009, -1]);
    assert.ok(backoffs.every((l) => l.retryInMs >= 2 && l.retryInMs <= 20));

    fake.fail('/cgi-bin/externalcontact/get_contact_way', 45009, 45009, 45009, 45009);
    before = fake.requests.length;
    await assert.rejects(c.getContactWay('busy'), (e: unknown) => e instanceof WeChatApiError && e.errcode === 45009);
    assert.equal(fake.requests.length - before, 4, 'first attempt + 3 retries');
  });

  test('errors carry api, errcode and errmsg, and map to wechat_error at the HTTP edge', async () => {
    fake.fail('/cgi-bin/externalcontact/get_contact_way', 41044);
    const err = await client().getContactWay('nope').catch((e: unknown) => e);
    assert.ok(err instanceof WeChatApiError);
    assert.equal(err.api, 'externalcontact/get_contact_way');
    assert.equal(err.errcode, 41044);
    assert.match(err.errmsg, /fake error 41044/);
    assert.equal(err.isTransport, false);
    const app = toAppError(err);
    assert.equal(app?.code, 'wechat_error');

    const badSecret = await client({ secret: 'wrong-secret-value' }).getContactWay('x').catch((e: unknown) => e);
    assert.ok(badSecret instanceof WeChatApiError);
    assert.deepEqual([badSecret.api, badSecret.errcode], ['gettoken', 40001]);
  });

  test('an unreachable host is a transport error without errcode', async () => {
    const c = client({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 2000 });
    const err = await c.accessToken().catch((e: unknown) => e);
    assert.ok(err instanceof WeChatApiError);
    assert.equal(err.errcode, null);
    assert.equal(err.isTransport, true);
  });

  test('each call reserves a token from the per-corp, per-API limiter', async () => {
    const waits: number[] = [];
    let t = 0;
    const limiter = new RateLimiter({ perMinute: 60, burst: 1 }, { now: () => t, sleep: async (ms) => void waits.push(ms) });
    const c = client({ rateLimit: limiter });
    await c.getContactWay('a');
    await c.getContactWay('b');
    await c.deleteContactWay('c');
    // get_contact_way twice (second waits 1 s); del_contact_way has its own bucket.
    assert.deepEqual(waits, [1000]);
    assert.equal(limiter.reserve(`${CORP}:externalcontact/get_contact_way`), 2000);
    assert.equal(limiter.reserve('wwothercorp:externalcontact/get_contact_way'), 0);
  });

  test('logs name the api, latency and errcode, and never a secret or a token', async () => {
    const text = log.lines.join('');
    assert.ok(log.lines.length > 10);
    const first = JSON.parse(log.lines.find((l) => l.includes('"msg":"wechat call"'))!);
    assert.equal(typeof first.ms, 'number');
    assert.equal(first.errcode, 0);
    assert.ok(first.api);
    assert.ok(!text.includes(SECRET), 'secret leaked into logs');
    for (const tok of fake.issued) assert.ok(!text.includes(tok), 'token leaked into logs');
  });
});
