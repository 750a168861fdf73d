// Web OAuth: the authorize page (who-are-you picker, ?as=, the phone's cookie, WeChat's error pages),
// code exchange (single use, 5 minutes), user tokens, userinfo by scope, sns/auth and refresh.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_APPID, oaCredentials, oaGet, oaToken } from '../helpers/sandbox-oa.ts';
import { makePeople, startTestSandbox } from '../helpers/sandbox.ts';
import type { Json, TestSandbox } from '../helpers/sandbox.ts';

const H5 = 'https://h5.example.com/task/landing?from=poster#top';

describe('sandbox web OAuth', () => {
  let sb: TestSandbox;
  let secret: string;
  let people: Json[];
  const authorizeUrl = (q: Record<string, string>) => {
    const u = new URL(`${sb.url}/open/connect/oauth2/authorize`);
    for (const [k, v] of Object.entries({ appid: DEMO_APPID, redirect_uri: H5, response_type: 'code', scope: 'snsapi_base', state: 'abc123', ...q })) u.searchParams.set(k, v);
    return `${u.toString()}#wechat_redirect`;
  };
  const authorize = (q: Record<string, string>, headers: Record<string, string> = {}) => fetch(authorizeUrl(q), { redirect: 'manual', headers });
  const codeFor = async (personId: string, scope = 'snsapi_base') => {
    const res = await authorize({ as: personId, scope });
    assert.equal(res.status, 302);
    return new URL(res.headers.get('location') as string).searchParams.get('code') as string;
  };
  const exchange = (code: string, extra = '') => oaGet(sb, `/sns/oauth2/access_token?appid=${DEMO_APPID}&secret=${secret}&code=${code}&grant_type=authorization_code${extra}`);

  before(async () => {
    sb = await startTestSandbox();
    secret = (await oaCredentials(sb)).secret;
    people = await makePeople(sb, 12, 81);
    await sb.api('POST', '/people', { count: 1, person: { nicknameKind: 'script' } });
  });
  after(() => sb.close());

  it('redirects to redirect_uri?code&state for ?as=, keeping its query and fragment, and remembers the person', async () => {
    const res = await authorize({ as: people[0]!.id });
    assert.equal(res.status, 302);
    const loc = new URL(res.headers.get('location') as string);
    assert.equal(`${loc.origin}${loc.pathname}`, 'https://h5.example.com/task/landing');
    assert.equal(loc.searchParams.get('from'), 'poster');
    assert.match(loc.searchParams.get('code') ?? '', /^[A-Za-z0-9]{32}$/);
    assert.equal(loc.searchParams.get('state'), 'abc123');
    assert.equal(loc.hash, '#top');
    assert.equal(res.headers.get('set-cookie'), `fission_sandbox_person=${people[0]!.id}; Path=/; SameSite=Lax`);
    // With the phone page's cookie the page is silent too.
    const again = await authorize({}, { cookie: `other=1; fission_sandbox_person=${people[1]!.id}` });
    assert.equal(again.status, 302);
    const code = new URL(again.headers.get('location') as string).searchParams.get('code') as string;
    const t = await exchange(code);
    const person1 = (await sb.api('GET', `/people/${people[1]!.id}`)).body;
    assert.equal(t.openid, person1.oas[0].openid);
  });

  it('shows a picker of people, names as text, when nobody is known', async () => {
    const res = await authorize({ scope: 'snsapi_userinfo' });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    const html = await res.text();
    assert.match(html, /申请获取你的昵称、头像/);
    assert.match(html, /&lt;script&gt;alert\(&quot;/);
    assert.doesNotMatch(html, /<script>alert/);
    assert.ok(html.includes(`as=${people[2]!.id}`));
    const unknown = await (await authorize({ as: 'p99999' })).text();
    assert.match(unknown, /找不到用户 p99999/);
    const fresh = await authorize({ as: 'new' });
    assert.equal(fresh.status, 302);
    assert.match(fresh.headers.get('set-cookie') ?? '', /^fission_sandbox_person=p\d+;/);
  });

  it('shows WeChat\'s error pages for bad requests instead of redirecting', async () => {
    const page = async (q: Record<string, string>) => {
      const res = await authorize({ as: people[0]!.id, ...q });
      assert.equal(res.status, 200);
      return res.text();
    };
    assert.match(await page({ appid: 'wx0000000000000000' }), /appid 参数错误/);
    assert.match(await page({ scope: 'snsapi_login' }), /错误码：10005/);
    assert.match(await page({ scope: '' }), /错误码：10010/);
    assert.match(await page({ redirect_uri: 'ftp://h5.example.com/' }), /错误码：10003/);
    assert.match(await page({ state: 'has space' }), /state 参数错误/);
    assert.match(await page({ response_type: 'token' }), /response_type/);
    await sb.api('PATCH', `/oas/${DEMO_APPID}`, { oauthDomains: ['h5.example.com'] });
    try {
      assert.match(await page({ redirect_uri: 'https://evil.example.com/' }), /redirect_uri 域名与后台配置不一致（evil\.example\.com）.*错误码：10003/s);
      assert.equal((await authorize({ as: people[0]!.id })).status, 302);
    } finally {
      await sb.api('PATCH', `/oas/${DEMO_APPID}`, { oauthDomains: [] });
    }
  });

  it('trades a code once, within 5 minutes, for the right app only', async () => {
    const code = await codeFor(people[3]!.id);
    const t = await exchange(code);
    assert.deepEqual(Object.keys(t).sort(), ['access_token', 'expires_in', 'openid', 'refresh_token', 'scope']);
    assert.equal(t.scope, 'snsapi_base');
    assert.equal(t.expires_in, 7200);
    assert.equal((await exchange(code)).errcode, 40163);
    assert.equal((await exchange('nosuchcode')).errcode, 40029);
    const late = await codeFor(people[3]!.id);
    await sb.api('POST', '/clock/advance', { seconds: 301 });
    assert.equal((await exchange(late)).errcode, 42003);
    const other = await sb.api('POST', '/oas', { name: '另一个服务号' });
    const foreign = await oaGet(sb, `/sns/oauth2/access_token?appid=${other.body.appid}&secret=${other.body.secret}&code=${await codeFor(people[3]!.id)}&grant_type=authorization_code`);
    assert.equal(foreign.errcode, 40029);
    const c = await codeFor(people[3]!.id);
    assert.equal((await oaGet(sb, `/sns/oauth2/access_token?appid=${DEMO_APPID}&secret=wrong&code=${c}&grant_type=authorization_code`)).errcode, 40125);
    assert.equal((await oaGet(sb, `/sns/oauth2/access_token?appid=${DEMO_APPID}&secret=${secret}&code=${c}&grant_type=client_credential`)).errcode, 40002);
    assert.equal((await oaGet(sb, `/sns/oauth2/access_token?appid=${DEMO_APPID}&secret=${secret}&grant_type=authorization_code`)).errcode, 41008);
    // The code was not spent by the failed calls.
    assert.ok((await exchange(c)).access_token);
    // An OAuth-only visitor is known to the account but not a follower.
    const info = await oaGet(sb, `/cgi-bin/user/info?access_token=${await oaToken(sb)}&openid=${t.openid}`);
    assert.deepEqual(info, { subscribe: 0, openid: t.openid, tagid_list: [] });
  });

  it('gives the profile (and unionid) for snsapi_userinfo only', async () => {
    const p = people[4]!;
    const u = await exchange(await codeFor(p.id, 'snsapi_userinfo'));
    assert.equal(u.unionid, p.unionid);
    const profile = await oaGet(sb, `/sns/userinfo?access_token=${u.access_token}&openid=${u.openid}&lang=zh_CN`);
    assert.equal(profile.openid, u.openid);
    assert.equal(profile.nickname, p.nickname);
    assert.equal(profile.headimgurl, p.avatar);
    assert.equal(profile.unionid, p.unionid);
    assert.deepEqual([profile.sex, profile.province, profile.privilege], [0, '', []]);
    assert.equal((await oaGet(sb, `/sns/userinfo?access_token=${u.access_token}&openid=oSOMEONEELSE`)).errcode, 40003);
    const base = await exchange(await codeFor(p.id));
    assert.equal(base.unionid, undefined);
    const denied = await oaGet(sb, `/sns/userinfo?access_token=${base.access_token}&openid=${base.openid}`);
    assert.equal(denied.errcode, 48001);
    assert.deepEqual(await oaGet(sb, `/sns/auth?access_token=${base.access_token}&openid=${base.openid}`), { errcode: 0, errmsg: 'ok' });
    assert.equal((await oaGet(sb, `/sns/auth?access_token=bogus&openid=${base.openid}`)).errcode, 40001);
  });

  it('refreshes user tokens for 30 days', async () => {
    const t = await exchange(await codeFor(people[5]!.id, 'snsapi_userinfo'));
    await sb.api('POST', '/clock/advance', { seconds: 7201 });
    assert.equal((await oaGet(sb, `/sns/auth?access_token=${t.access_token}&openid=${t.openid}`)).errcode, 42001);
    const refresh = (rt: string) => oaGet(sb, `/sns/oauth2/refresh_token?appid=${DEMO_APPID}&grant_type=refresh_token&refresh_token=${rt}`);
    const r = await refresh(t.refresh_token);
    assert.equal(r.openid, t.openid);
    assert.equal(r.scope, 'snsapi_userinfo');
    assert.equal(r.refresh_token, t.refresh_token);
    assert.equal((await oaGet(sb, `/sns/userinfo?access_token=${r.access_token}&openid=${r.openid}`)).openid, t.openid);
    assert.equal((await refresh('bogus')).errcode, 40030);
    assert.equal((await refresh(t.access_token)).errcode, 40030);
    await sb.api('POST', '/clock/advance', { seconds: 30 * 86400 });
    assert.equal((await refresh(t.refresh_token)).errcode, 42002);
  });
});
