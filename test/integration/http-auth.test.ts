import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachEngine } from '../helpers/db.ts';
import { buildTestApp, createAccount, logIn, PASSWORD, type TestApp } from '../helpers/app.ts';
import { snapshot } from '../helpers/snapshot.ts';
import { createWorkspace } from '../../src/modules/workspace/create-workspace.ts';
import { SESSION_COOKIE } from '../../src/http/auth.ts';

describeEachEngine('admin login and sessions', (ctx) => {
  let t: TestApp;
  before(async () => {
    const { db } = ctx();
    t = await buildTestApp(db);
    const owner = await createAccount(db, 'owner@example.com');
    await createWorkspace(db, { slug: 'acme', name: 'Acme', ownerId: owner.id });
  });
  after(() => t.close());

  test('login answers the account and its workspaces, and sets an httpOnly, SameSite cookie', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/auth/login', payload: { email: 'Owner@Example.COM', password: PASSWORD } });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.user.email, 'owner@example.com');
    assert.deepEqual(body.workspaces.map((w: { slug: string; role: string }) => [w.slug, w.role]), [['acme', 'owner']]);
    const c = res.cookies.find((x) => x.name === SESSION_COOKIE);
    assert.ok(c);
    assert.equal(c.httpOnly, true);
    assert.equal(c.sameSite, 'Lax');
    assert.equal(c.path, '/');
    assert.ok(c.expires && c.expires.getTime() > Date.now());
    assert.equal(c.secure, undefined, 'plain http public URL: cookie not Secure');
    assert.doesNotMatch(res.body, /password|scrypt/i);
  });

  test('the cookie is Secure when the public URL is https', async () => {
    const s = await buildTestApp(ctx().db, { env: { PUBLIC_URL: 'https://fission.example.com' } });
    try {
      const res = await s.app.inject({ method: 'POST', url: '/api/admin/auth/login', payload: { email: 'owner@example.com', password: PASSWORD } });
      assert.equal(res.cookies.find((x) => x.name === SESSION_COOKIE)?.secure, true);
    } finally {
      await s.close();
    }
  });

  test('a wrong password and an unknown email get the same 401, and no session is made', async () => {
    const { db } = ctx();
    const before = await snapshot(db);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/admin/auth/login', payload: { email: 'owner@example.com', password: 'not the password' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/admin/auth/login', payload: { email: 'nobody@example.com', password: PASSWORD } });
    for (const res of [wrong, unknown]) {
      assert.equal(res.statusCode, 401);
      assert.equal(res.cookies.length, 0);
    }
    const strip = (b: string) => ({ ...JSON.parse(b).error, requestId: undefined });
    assert.deepEqual(strip(wrong.body), strip(unknown.body));
    assert.equal(strip(wrong.body).code, 'unauthorized');
    assert.deepEqual(await snapshot(db), before);
  });

  test('/api/admin/me needs a valid session', async () => {
    const none = await t.app.inject({ method: 'GET', url: '/api/admin/me' });
    assert.equal(none.statusCode, 401);
    assert.equal(none.json().error.code, 'unauthorized');
    const forged = await t.app.inject({ method: 'GET', url: '/api/admin/me', headers: { cookie: `${SESSION_COOKIE}=forged-token` } });
    assert.equal(forged.statusCode, 401);

    const cookie = await logIn(t.app, 'owner@example.com');
    const me = await t.app.inject({ method: 'GET', url: '/api/admin/me', headers: { cookie } });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().user.email, 'owner@example.com');
  });

  test('the database keeps only a hash of the session token', async () => {
    const cookie = await logIn(t.app, 'owner@example.com');
    const token = cookie.split('=')[1]!;
    const rows = await ctx().db.query<{ token_hash: string }>('SELECT token_hash FROM admin_sessions');
    assert.ok(rows.rows.length > 0);
    for (const r of rows.rows) assert.notEqual(r.token_hash, token);
  });

  test('an expired session is refused', async () => {
    const { db } = ctx();
    const cookie = await logIn(t.app, 'owner@example.com');
    await db.query(`UPDATE admin_sessions SET expires_at = now() - interval '1 second'`);
    const res = await t.app.inject({ method: 'GET', url: '/api/admin/me', headers: { cookie } });
    assert.equal(res.statusCode, 401);
  });

  test('logout ends the session server-side and clears the cookie', async () => {
    const { db } = ctx();
    const cookie = await logIn(t.app, 'owner@example.com');
    const other = await logIn(t.app, 'owner@example.com');
    const out = await t.app.inject({ method: 'POST', url: '/api/admin/auth/logout', headers: { cookie } });
    assert.equal(out.statusCode, 204);
    const cleared = out.cookies.find((x) => x.name === SESSION_COOKIE);
    assert.ok(cleared && cleared.value === '' && cleared.expires && cleared.expires.getTime() <= Date.now());
    // The old cookie, replayed, no longer works; another session of the same account still does.
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/admin/me', headers: { cookie } })).statusCode, 401);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/admin/me', headers: { cookie: other } })).statusCode, 200);
    const left = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM admin_sessions WHERE expires_at > now()');
    assert.equal(left.rows[0]?.n, 1);
    // Logging out without a session is harmless.
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/admin/auth/logout' })).statusCode, 204);
  });
});
