// First start: the demo workspace and its owner, and that owner logging in through the API.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachEngine } from '../helpers/db.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { openDb } from '../../src/db/client.ts';
import { ensureDemoWorkspace } from '../../src/modules/workspace/ensure-demo-workspace.ts';

describeEachEngine('demo workspace on first start', (ctx, engine) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(ctx().db);
  });
  after(() => t.close());

  const login = (email: string, password: string) => t.app.inject({ method: 'POST', url: '/api/admin/auth/login', payload: { email, password } });
  const counts = async () => (await ctx().db.query<{ users: number; workspaces: number; members: number }>(
    `SELECT (SELECT count(*)::int FROM admin_users) AS users, (SELECT count(*)::int FROM workspaces) AS workspaces,
            (SELECT count(*)::int FROM workspace_members) AS members`,
  )).rows[0];
  const reset = () => ctx().db.exec('DELETE FROM workspaces; DELETE FROM admin_users;');

  test('with FISSION_ADMIN_EMAIL/PASSWORD: creates them once, and that owner logs in', async () => {
    const seed = await ensureDemoWorkspace(ctx().db, { email: 'boss@example.com', password: 'chosen-password' });
    assert.deepEqual(seed, { created: true, email: 'boss@example.com' });
    const res = await login('boss@example.com', 'chosen-password');
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().workspaces.map((w: { slug: string; role: string }) => [w.slug, w.role]), [['demo', 'owner']]);
    const ws = await ctx().db.query<{ use_sandbox: boolean }>(`SELECT use_sandbox FROM workspaces WHERE slug = 'demo'`);
    assert.equal(ws.rows[0]?.use_sandbox, true, 'the demo talks to the sandbox');
  });

  test('is idempotent: a second start creates nothing and keeps the password', async () => {
    const again = await ensureDemoWorkspace(ctx().db, { email: 'other@example.com', password: 'another-password' });
    assert.deepEqual(again, { created: false });
    assert.deepEqual(await counts(), { users: 1, workspaces: 1, members: 1 });
    assert.equal((await login('boss@example.com', 'chosen-password')).statusCode, 200);
    assert.equal((await login('other@example.com', 'another-password')).statusCode, 401);
  });

  test('without them: admin@fission.local with a generated password, returned once', async () => {
    await reset();
    const seed = await ensureDemoWorkspace(ctx().db, {});
    assert.equal(seed.created, true);
    assert.equal(seed.email, 'admin@fission.local');
    assert.ok(seed.generatedPassword && seed.generatedPassword.length >= 12, 'a long enough password');
    assert.equal((await login('admin@fission.local', seed.generatedPassword)).statusCode, 200);
    assert.deepEqual(await ensureDemoWorkspace(ctx().db, {}), { created: false });

    await reset();
    const other = await ensureDemoWorkspace(ctx().db, {});
    assert.notEqual(other.generatedPassword, seed.generatedPassword, 'random, not a fixed default');
  });

  if (engine === 'postgres') {
    test('two processes starting at once seed exactly once', async () => {
      await reset();
      const a = await openDb({ url: ctx().url });
      const b = await openDb({ url: ctx().url });
      try {
        const results = await Promise.all([ensureDemoWorkspace(a, {}), ensureDemoWorkspace(b, {})]);
        assert.deepEqual(results.map((r) => r.created).sort(), [false, true]);
        assert.deepEqual(await counts(), { users: 1, workspaces: 1, members: 1 });
      } finally {
        await a.close();
        await b.close();
      }
    });
  }
});
