// Contract: WeCom gettoken and access-token checks, errmsg suffix, frequency limits, trusted IPs.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_CORPID, startTestSandbox } from '../helpers/sandbox.ts';
import { createManualClock } from '../../src/sandbox/clock.ts';
import type { Json, TestSandbox } from '../helpers/sandbox.ts';

describe('sandbox WeCom access token', () => {
  let sb: TestSandbox;
  let secrets: { contact: string; agent: string };
  before(async () => {
    // A clock that moves only when advanced, so expires_in is exact however slow the machine is.
    sb = await startTestSandbox({ clock: createManualClock(Date.now()), limits: { rate: { perApi: { 'externalcontact/get_follow_user_list': { corp: { perMinute: 3 } } } } } });
    const corp = (await sb.api('GET', '/credentials')).body.wecom.corps[0];
    secrets = { contact: corp.apps.find((a: Json) => a.kind === 'contact').secret, agent: corp.apps.find((a: Json) => a.kind === 'agent').secret };
  });
  after(() => sb.close());

  const gettoken = (q: string) => sb.wecom(`/cgi-bin/gettoken?${q}`);
  const followList = (token: string) => sb.wecom(`/cgi-bin/externalcontact/get_follow_user_list?access_token=${encodeURIComponent(token)}`);

  it('issues a 7200 s token and returns the same one until it expires', async () => {
    const a = await gettoken(`corpid=${DEMO_CORPID}&corpsecret=${secrets.contact}`);
    assert.equal(a.errcode, 0);
    assert.equal(a.errmsg, 'ok');
    assert.equal(a.expires_in, 7200);
    assert.ok(a.access_token.length >= 64 && a.access_token.length <= 512);
    await sb.api('POST', '/clock/advance', { seconds: 100 });
    const b = await gettoken(`corpid=${DEMO_CORPID}&corpsecret=${secrets.contact}`);
    assert.equal(b.access_token, a.access_token);
    assert.equal(b.expires_in, 7100);
    const agent = await gettoken(`corpid=${DEMO_CORPID}&corpsecret=${secrets.agent}`);
    assert.notEqual(agent.access_token, a.access_token, 'each app secret has its own token');
    assert.equal((await followList(a.access_token)).errcode, 0);
    await sb.api('POST', '/clock/advance', { seconds: 7100 });
    const expired = await followList(a.access_token);
    assert.equal(expired.errcode, 42001);
    const c = await gettoken(`corpid=${DEMO_CORPID}&corpsecret=${secrets.contact}`);
    assert.notEqual(c.access_token, a.access_token);
    assert.equal(c.expires_in, 7200);
  });

  it('answers gettoken errors with the documented codes', async () => {
    assert.equal((await gettoken(`corpsecret=${secrets.contact}`)).errcode, 41002);
    assert.equal((await gettoken(`corpid=${DEMO_CORPID}`)).errcode, 41004);
    assert.equal((await gettoken(`corpid=wwnope&corpsecret=${secrets.contact}`)).errcode, 40013);
    const bad = await gettoken(`corpid=${DEMO_CORPID}&corpsecret=wrong`);
    assert.equal(bad.errcode, 40001);
    assert.match(bad.errmsg, /^invalid credential, hint: \[\d+_\d+_[0-9a-f]{32}\], from ip: [\d.:a-f]+, more info at https:\/\/open\.work\.weixin\.qq\.com\/devtool\/query\?e=40001$/);
  });

  it('rejects missing, garbage and revoked tokens', async () => {
    assert.equal((await sb.wecom('/cgi-bin/externalcontact/get_follow_user_list')).errcode, 41001);
    assert.equal((await followList('garbage')).errcode, 40014);
    const t = await sb.token();
    assert.equal((await followList(t)).errcode, 0);
    const r = await sb.api('POST', '/tokens/invalidate', { access_token: t, errcode: 42001 });
    assert.deepEqual(r.body, { invalidated: 1 });
    assert.equal((await followList(t)).errcode, 42001);
    const fresh = await sb.token();
    assert.notEqual(fresh, t, 'a revoked token is replaced on the next gettoken');
    await sb.api('POST', '/tokens/invalidate', { corpid: DEMO_CORPID });
    assert.equal((await followList(fresh)).errcode, 40014);
    assert.equal((await sb.api('POST', '/tokens/invalidate', {})).status, 400);
  });

  it('blocks a corp for the whole minute after its per-API limit (45009)', async () => {
    const t = await sb.token();
    await sb.api('POST', '/clock/advance', { seconds: 61 }); // a fresh minute window
    for (let i = 0; i < 3; i++) assert.equal((await followList(t)).errcode, 0);
    const blocked = await followList(t);
    assert.equal(blocked.errcode, 45009);
    assert.match(blocked.errmsg, /^api freq out of limit, hint/);
    assert.equal((await sb.wecom(`/cgi-bin/getcallbackip?access_token=${t}`)).errcode, 0, 'other APIs still work');
    await sb.api('POST', '/clock/advance', { seconds: 59 });
    assert.equal((await followList(t)).errcode, 45009);
    await sb.api('POST', '/clock/advance', { seconds: 2 });
    assert.equal((await followList(t)).errcode, 0);
  });

  it('enforces an app trusted-IP list (60020)', async () => {
    const r = await sb.api('POST', `/corps/${DEMO_CORPID}/agents`, { agentid: 1000009, secret: 'fenced-secret', trustedIps: ['10.9.9.9'] });
    assert.equal(r.status, 201);
    const t = await gettoken(`corpid=${DEMO_CORPID}&corpsecret=fenced-secret`);
    assert.equal(t.errcode, 60020);
  });

  it('answers getcallbackip', async () => {
    const r = await sb.wecom(`/cgi-bin/getcallbackip?access_token=${await sb.token()}`);
    assert.deepEqual(r.ip_list, ['127.0.0.1']);
  });
});
