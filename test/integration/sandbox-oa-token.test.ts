// Official Account access tokens: /cgi-bin/token rotation (the previous token keeps working 300 s,
// then 40001 "not latest"), stable_token isolated from it, credential errors, daily quota, IP
// whitelist, expiry and early revocation.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_APPID, oaCredentials, oaGet, oaPost } from '../helpers/sandbox-oa.ts';
import { startTestSandbox } from '../helpers/sandbox.ts';
import type { Json, TestSandbox } from '../helpers/sandbox.ts';

describe('sandbox OA access token', () => {
  let sb: TestSandbox;
  let secret: string;
  const token = () => oaGet(sb, `/cgi-bin/token?grant_type=client_credential&appid=${DEMO_APPID}&secret=${secret}`);
  const probe = (t: string) => oaGet(sb, `/cgi-bin/user/info?access_token=${encodeURIComponent(t)}&openid=nobody`);
  const advance = (seconds: number) => sb.api('POST', '/clock/advance', { seconds });

  before(async () => {
    sb = await startTestSandbox({ limits: { oa: { daily: { token: 6 } } } });
    secret = (await oaCredentials(sb)).secret;
  });
  after(() => sb.close());

  it('answers bare access_token and expires_in, and rotates on every call', async () => {
    const a = await token();
    assert.deepEqual(Object.keys(a).sort(), ['access_token', 'expires_in']);
    assert.equal(a.expires_in, 7200);
    assert.ok(a.access_token.length >= 128);
    const b = await token();
    assert.notEqual(b.access_token, a.access_token);
    // Both work during the 5-minute overlap: a valid token reaches the handler (40003 for the openid).
    assert.equal((await probe(a.access_token)).errcode, 40003);
    assert.equal((await probe(b.access_token)).errcode, 40003);
    await advance(301);
    const old = await probe(a.access_token);
    assert.equal(old.errcode, 40001);
    assert.match(old.errmsg, /not latest rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/);
    assert.equal((await probe(b.access_token)).errcode, 40003);
    await advance(7200);
    assert.equal((await probe(b.access_token)).errcode, 42001);
  });

  it('answers credential errors with the documented codes', async () => {
    const q = (s: string) => oaGet(sb, `/cgi-bin/token?${s}`);
    assert.equal((await q(`grant_type=password&appid=${DEMO_APPID}&secret=${secret}`)).errcode, 40002);
    assert.equal((await q(`grant_type=client_credential&secret=${secret}`)).errcode, 41002);
    assert.equal((await q(`grant_type=client_credential&appid=${DEMO_APPID}`)).errcode, 41004);
    assert.equal((await q(`grant_type=client_credential&appid=wx0000000000000000&secret=${secret}`)).errcode, 40013);
    const bad = await q(`grant_type=client_credential&appid=${DEMO_APPID}&secret=${'0'.repeat(32)}`);
    assert.equal(bad.errcode, 40125);
    assert.match(bad.errmsg, /^invalid appsecret rid: /);
  });

  it('rejects missing and unknown tokens', async () => {
    assert.equal((await oaGet(sb, '/cgi-bin/user/info?openid=x')).errcode, 41001);
    assert.equal((await probe('garbage')).errcode, 40014);
  });

  it('keeps stable_token apart: same token while valid, a new one (old one dead) on force_refresh', async () => {
    const body = { grant_type: 'client_credential', appid: DEMO_APPID, secret };
    const a = await oaPost(sb, '/cgi-bin/stable_token', body);
    await advance(100);
    const b = await oaPost(sb, '/cgi-bin/stable_token', body);
    assert.equal(b.access_token, a.access_token);
    assert.equal(b.expires_in, 7100);
    // A /cgi-bin/token call does not touch stable tokens.
    await token();
    assert.equal((await probe(a.access_token)).errcode, 40003);
    const c = await oaPost(sb, '/cgi-bin/stable_token', { ...body, force_refresh: true });
    assert.notEqual(c.access_token, a.access_token);
    assert.equal((await probe(a.access_token)).errcode, 40001);
    assert.equal((await probe(c.access_token)).errcode, 40003);
    assert.equal((await oaPost(sb, '/cgi-bin/stable_token', { ...body, secret: 'x' })).errcode, 40125);
    assert.equal((await oaPost(sb, '/cgi-bin/stable_token', '{not json')).errcode, 47001);
  });

  it('counts /cgi-bin/token against a daily quota (45009) that resets the next day', async () => {
    // The limit is 6 a day here; earlier tests used some of today's calls.
    let last: Json = {};
    let ok = 0;
    for (let i = 0; i < 7 && !last.errcode; i++) {
      last = await token();
      if (last.access_token) ok++;
    }
    assert.ok(ok < 7);
    assert.equal(last.errcode, 45009);
    assert.match(last.errmsg, /^reach max api daily quota limit rid: /);
    assert.equal((await token()).errcode, 45009);
    await advance(86400);
    assert.ok((await token()).access_token);
  });

  it('enforces the IP whitelist (40164) on token and API calls', async () => {
    const t = (await token()).access_token as string;
    await sb.api('PATCH', `/oas/${DEMO_APPID}`, { trustedIps: ['10.9.9.9'] });
    try {
      const r = await token();
      assert.equal(r.errcode, 40164);
      assert.match(r.errmsg, /^invalid ip 127\.0\.0\.1 ipv6 ::ffff:127\.0\.0\.1, not in whitelist rid: /);
      assert.equal((await probe(t)).errcode, 40164);
    } finally {
      await sb.api('PATCH', `/oas/${DEMO_APPID}`, { trustedIps: [] });
    }
  });

  it('revokes tokens early through the test hook', async () => {
    const t = (await token()).access_token as string;
    const r = await sb.api('POST', '/tokens/invalidate', { appid: DEMO_APPID, errcode: 42001 });
    assert.ok(r.body.invalidated >= 1);
    assert.equal((await probe(t)).errcode, 42001);
  });
});
