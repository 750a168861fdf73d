// Signing in to the H5 pages through the Official Account, against the sandbox's OAuth over HTTP:
// the silent snsapi_base round, the snsapi_userinfo round only when the unionid is unknown, codes
// used once (a replayed, unknown or expired code is a clear error page, never a 500), states that
// cannot be forged, replayed or carried to another browser, and returns only to our own /h5 pages.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachEngine } from '../helpers/db.ts';
import { startFissionWorld, type FissionWorld } from '../helpers/fission-world.ts';
import { get, signIn } from '../helpers/oauth.ts';
import { DEMO_APPID } from '../helpers/sandbox-oa.ts';
import type { Json } from '../helpers/sandbox.ts';
import { verifySession } from '../../src/modules/h5-auth/session-token.ts';
import { linkSecret } from '../../src/modules/fission/links.ts';
import { updateWorkspaceSettings } from '../../src/modules/workspace/update-workspace-settings.ts';

describeEachEngine('H5 sign-in through the Official Account', (ctx) => {
  let w: FissionWorld;
  let campaignId: number;
  before(async () => {
    w = await startFissionWorld(ctx().db, 'oauth', { oa: true });
    campaignId = (await w.campaign()).id;
  });
  after(async () => {
    await w?.close();
  });

  const q = (sql: string, params: unknown[] = []) => ctx().db.query(sql, params);
  const sessionOf = async (token: string) => {
    const v = verifySession(await linkSecret(ctx().db), token);
    assert.ok(v.ok, JSON.stringify(v));
    return v.session;
  };
  const unionidOf = async (person: Json) => (await w.sb.api('GET', `/people/${person.id}`)).body.unionid as string;

  test('a stranger: silent round, then snsapi_userinfo once for the unionid; later visits stay silent', async () => {
    const [p] = await w.people(1);
    const first = await signIn(w, p!, campaignId, `/h5/c/${campaignId}/help/1-0123456789ab`);
    assert.deepEqual(first.scopes, ['snsapi_base', 'snsapi_userinfo']);
    assert.match(first.landed, new RegExp(`^/h5/c/${campaignId}/help/1-0123456789ab#s=`));
    const s = await sessionOf(first.session!);
    assert.equal(s.workspaceId, w.workspaceId);
    assert.equal(s.unionid, await unionidOf(p!));
    const person = (await w.sb.api('GET', `/people/${p!.id}`)).body;
    assert.equal(s.openid, person.oas.find((o: { appid: string }) => o.appid === DEMO_APPID).openid);
    const row = (await q(`SELECT unionid, nickname, userinfo_at FROM oa_identities WHERE workspace_id = $1 AND openid = $2`, [w.workspaceId, s.openid])).rows[0]!;
    assert.equal(row.unionid, s.unionid);
    assert.equal(row.nickname, p!.nickname);
    assert.ok(row.userinfo_at);

    const again = await signIn(w, p!, campaignId);
    assert.deepEqual(again.scopes, ['snsapi_base'], 'the unionid is known now: no second round');
    assert.equal((await sessionOf(again.session!)).unionid, s.unionid);
    // The browser cookie says who started a sign-in; it is scoped to the sign-in routes.
    const start = await get(`${w.config.publicUrl}/api/h5/oauth/start?c=${campaignId}&to=/h5/c/${campaignId}`);
    assert.match(start.headers.getSetCookie()[0]!, /^fission_oauth=[0-9a-f]{32}; Max-Age=86400; Path=\/api\/h5\/oauth; HttpOnly; SameSite=Lax$/);
  });

  test('a follower: user/info gives the unionid, so the silent round is enough', async () => {
    const [p] = await w.people(1);
    const f = await w.sb.api('POST', '/actions/oa-follow', { person_id: p!.id, appid: DEMO_APPID, wait: true });
    assert.equal(f.status, 200, JSON.stringify(f.body));
    await w.settle();
    const r = await signIn(w, p!, campaignId);
    assert.deepEqual(r.scopes, ['snsapi_base']);
    assert.equal((await sessionOf(r.session!)).unionid, await unionidOf(p!));
    const row = (await q(`SELECT subscribed, userinfo_at FROM oa_identities WHERE workspace_id = $1 AND unionid = $2`, [w.workspaceId, await unionidOf(p!)])).rows[0]!;
    assert.deepEqual([row.subscribed, row.userinfo_at], [true, null]);
  });

  test('codes are single use: a replayed callback, a reused code or an unknown one is a 400 page, not a 500', async () => {
    const [p] = await w.people(1);
    await signIn(w, p!, campaignId); // known from now on: one round
    const r = await signIn(w, p!, campaignId, `/h5/c/${campaignId}/me`);
    const callback = r.hops.find((h) => h.url.includes('/api/h5/oauth/callback'))!.url;
    const replay = await get(callback, `fission_oauth=${r.browserKey}`);
    assert.equal(replay.status, 400);
    const html = await replay.text();
    assert.match(html, /登录状态已失效/);
    assert.match(html, /already completed/);
    assert.match(replay.headers.get('content-type') ?? '', /text\/html/);

    // The same code under a fresh state of this browser: WeChat says 40163.
    const code = new URL(callback).searchParams.get('code')!;
    const fresh = await get(`${w.config.publicUrl}/api/h5/oauth/start?c=${campaignId}&to=/h5/c/${campaignId}/me`, `fission_oauth=${r.browserKey}`);
    const state = new URL(fresh.headers.get('location')!).searchParams.get('state')!;
    const reused = await get(`${w.config.publicUrl}/api/h5/oauth/callback?code=${code}&state=${state}`, `fission_oauth=${r.browserKey}`);
    assert.equal(reused.status, 400);
    const reusedHtml = await reused.text();
    assert.match(reusedHtml, /微信授权已失效/);
    assert.match(reusedHtml, /already used/);
    assert.match(reusedHtml, new RegExp(`href="/h5/c/${campaignId}/me"`), 'a way back to the page, which signs in again');

    const fresh2 = await get(`${w.config.publicUrl}/api/h5/oauth/start?c=${campaignId}&to=/h5/c/${campaignId}`, `fission_oauth=${r.browserKey}`);
    const state2 = new URL(fresh2.headers.get('location')!).searchParams.get('state')!;
    const unknown = await get(`${w.config.publicUrl}/api/h5/oauth/callback?code=${'Z'.repeat(32)}&state=${state2}`, `fission_oauth=${r.browserKey}`);
    assert.equal(unknown.status, 400);
    assert.match(await unknown.text(), /does not know this sign-in code/);
  });

  test('states cannot be forged, tampered with, or finished in another browser', async () => {
    const [p] = await w.people(1);
    const start = await get(`${w.config.publicUrl}/api/h5/oauth/start?c=${campaignId}&to=/h5/c/${campaignId}`);
    const key = /fission_oauth=([0-9a-f]{32})/.exec(start.headers.getSetCookie()[0]!)![1]!;
    const authorize = await get(start.headers.get('location')!, `fission_sandbox_person=${p!.id}`);
    const back = new URL(authorize.headers.get('location')!);
    const state = back.searchParams.get('state')!;
    assert.match(state, /^[A-Za-z0-9]{32}$/);
    const code = back.searchParams.get('code')!;
    const call = (s: string, cookie?: string) => get(`${w.config.publicUrl}/api/h5/oauth/callback?code=${code}&state=${s}`, cookie);

    const tampered = await call(`${state.slice(0, -1)}${state.endsWith('a') ? 'b' : 'a'}`, `fission_oauth=${key}`);
    assert.equal(tampered.status, 400);
    assert.match(await tampered.text(), /unknown state/);
    const junk = await call('not-a-state', `fission_oauth=${key}`);
    assert.equal(junk.status, 400);
    assert.match(await junk.text(), /querystring\.state/);
    const otherBrowser = await call(state, `fission_oauth=${'0'.repeat(32)}`);
    assert.equal(otherBrowser.status, 400);
    assert.match(await otherBrowser.text(), /another browser/);
    const noCookie = await call(state);
    assert.equal(noCookie.status, 400);
    // None of that used the state up: its own browser still finishes.
    const ok = await call(state, `fission_oauth=${key}`);
    assert.equal(ok.status, 302);
    assert.match(ok.headers.get('location')!, new RegExp(`^/h5/c/${campaignId}#s=|^http`));
  });

  test('the browser only ever returns to a page of the campaign under /h5', async () => {
    const start = (c: number | string, to: string) => get(`${w.config.publicUrl}/api/h5/oauth/start?c=${c}&to=${encodeURIComponent(to)}`);
    for (const to of ['https://evil.example/h5/c/1', '//evil.example', '/admin', `/h5/c/${campaignId}/../../admin`, `/h5/c/${campaignId + 1000}`, `/h5/c/${campaignId}?next=https://evil.example`]) {
      const r = await start(campaignId, to);
      assert.equal(r.status, 400, to);
      assert.equal(r.headers.get('location'), null);
      assert.match(await r.text(), /querystring\.to/, to);
    }
    const noCampaign = await start(999_999, '/h5/c/999999');
    assert.equal(noCampaign.status, 404);
    const badC = await start('x', `/h5/c/${campaignId}`);
    assert.equal(badC.status, 400);
    assert.match(await badC.text(), /querystring\.c/);
    // The authorize URL WeChat gets: our callback on PUBLIC_URL, the state, silent scope.
    const ok = await start(campaignId, `/h5/c/${campaignId}/me/poster`);
    const u = new URL(ok.headers.get('location')!);
    assert.equal(u.pathname.endsWith('/connect/oauth2/authorize'), true);
    assert.deepEqual([u.searchParams.get('appid'), u.searchParams.get('redirect_uri'), u.searchParams.get('scope')], [DEMO_APPID, `${w.config.publicUrl}/api/h5/oauth/callback`, 'snsapi_base']);
    const row = (await q(`SELECT return_path FROM oauth_states WHERE state = $1`, [u.searchParams.get('state')])).rows[0]!;
    assert.equal(row.return_path, `/h5/c/${campaignId}/me/poster`);
  });

  test('sessions are their own kind of token, for their own workspace', async () => {
    const [p] = await w.people(1);
    const r = await signIn(w, p!, campaignId);
    // Not a participant link …
    assert.equal((await w.h5('GET', '/api/h5/me', { token: r.session! })).status, 401);
    // … and a change to it breaks it.
    const forged = r.session!.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    const id = await w.h5('POST', `/api/h5/c/${campaignId}/identity`, { token: forged, body: {} });
    assert.equal(id.status, 401);
    const none = await w.h5('POST', `/api/h5/c/${campaignId}/identity`, { body: {} });
    assert.equal(none.status, 401);
    assert.match(none.body.error.message, /missing session/);
  });

  test('a workspace without an Official Account keeps signed links only, and says so', async () => {
    const page = await w.h5('GET', `/api/h5/c/${campaignId}`);
    assert.equal(page.body.signIn, 'oauth');
    await updateWorkspaceSettings(ctx().db, w.workspaceId, { oaAppSecret: null });
    try {
      assert.equal((await w.h5('GET', `/api/h5/c/${campaignId}`)).body.signIn, 'link');
      // Nothing to recognise visitors for: publishing pulls no customers.
      const c = await w.campaign();
      assert.equal((await q(`SELECT count(*)::int AS n FROM customer_pulls WHERE reason = $1`, [`campaign:${c.id}`])).rows[0]!.n, 0);
      const r = await get(`${w.config.publicUrl}/api/h5/oauth/start?c=${campaignId}&to=/h5/c/${campaignId}`);
      assert.equal(r.status, 409);
      assert.match(await r.text(), /暂不支持微信授权[\s\S]*no Official Account/);
    } finally {
      const oa = (await w.sb.api('GET', '/credentials')).body.oa.accounts.find((a: { appid: string }) => a.appid === DEMO_APPID);
      await updateWorkspaceSettings(ctx().db, w.workspaceId, { oaAppSecret: oa.secret });
    }
  });

  // Last: moving the sandbox clock past the code's 5 minutes also ages callbacks past our skew limit.
  test('an expired code (over 5 minutes) is a 400 page with a way back', async () => {
    const [p] = await w.people(1);
    await signIn(w, p!, campaignId);
    const start = await get(`${w.config.publicUrl}/api/h5/oauth/start?c=${campaignId}&to=/h5/c/${campaignId}`);
    const key = /fission_oauth=([0-9a-f]{32})/.exec(start.headers.getSetCookie()[0]!)![1]!;
    const authorize = await get(start.headers.get('location')!, `fission_sandbox_person=${p!.id}`);
    await w.sb.api('POST', '/clock/advance', { seconds: 301 });
    const late = await get(authorize.headers.get('location')!, `fission_oauth=${key}`);
    assert.equal(late.status, 400);
    const html = await late.text();
    assert.match(html, /has expired/);
    assert.match(html, new RegExp(`href="/h5/c/${campaignId}"`));
  });
});
