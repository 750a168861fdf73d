import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachEngine } from '../helpers/db.ts';
import { buildTestApp, createAccount, grantRole, logIn, type TestApp } from '../helpers/app.ts';
import { snapshot } from '../helpers/snapshot.ts';

// Real-looking secrets: none may come back in any response.
const SECRETS = {
  wecomContactSecret: 'contact-secret-0123456789abcdef',
  wecomAgentSecret: 'agent-secret-0123456789abcdef',
  wecomCallbackToken: 'tok', // short: masking must not show it whole
  wecomCallbackAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  oaAppSecret: 'oa-secret-0123456789abcdef',
  oaCallbackToken: 'oaToken123',
  oaCallbackAesKey: 'ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210abcdefg',
  payApiKey: '0123456789abcdefABCDEF0123456789',
};

describeEachEngine('admin workspaces and roles', (ctx) => {
  let t: TestApp;
  const cookies: Record<'owner' | 'operator' | 'viewer' | 'outsider', string> = { owner: '', operator: '', viewer: '', outsider: '' };
  const as = (who: keyof typeof cookies, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie: cookies[who] }, ...(payload ? { payload } : {}) });

  before(async () => {
    const { db } = ctx();
    t = await buildTestApp(db);
    for (const who of Object.keys(cookies) as Array<keyof typeof cookies>) await createAccount(db, `${who}@example.com`);
    for (const who of Object.keys(cookies) as Array<keyof typeof cookies>) cookies[who] = await logIn(t.app, `${who}@example.com`);
  });
  after(() => t.close());

  test('creating a workspace makes the caller its owner and answers its callback URLs', async () => {
    const res = await as('owner', 'POST', '/api/admin/workspaces', { slug: 'acme', name: ' Acme 示例 ' });
    assert.equal(res.statusCode, 201, res.body);
    const ws = res.json();
    assert.equal(ws.slug, 'acme');
    assert.equal(ws.name, 'Acme 示例');
    assert.equal(ws.useSandbox, false);
    assert.deepEqual(ws.callbackUrls, { wecom: 'http://fission.test/callback/wecom/acme', oa: 'http://fission.test/callback/oa/acme' });
    const me = (await as('owner', 'GET', '/api/admin/me')).json();
    assert.deepEqual(me.workspaces.map((w: { slug: string; role: string }) => [w.slug, w.role]), [['acme', 'owner']]);
  });

  test('a slug already taken is a 409 naming the field, and changes nothing', async () => {
    const before = await snapshot(ctx().db);
    const res = await as('outsider', 'POST', '/api/admin/workspaces', { slug: 'acme', name: 'Other' });
    assert.equal(res.statusCode, 409);
    assert.deepEqual(res.json().error.fields, [{ path: 'slug', message: 'already taken' }]);
    assert.deepEqual(await snapshot(ctx().db), before);
  });

  test('the owner grants roles by email', async () => {
    for (const role of ['operator', 'viewer'] as const) {
      const res = await as('owner', 'PUT', '/api/admin/workspaces/acme/members', { email: `${role}@example.com`, role });
      assert.equal(res.statusCode, 204, res.body);
    }
    const roles = await ctx().db.query<{ email: string; role: string }>(
      `SELECT u.email, m.role FROM workspace_members m JOIN admin_users u ON u.id = m.user_id ORDER BY u.email`,
    );
    assert.deepEqual(roles.rows.map((r) => `${r.email}:${r.role}`), ['operator@example.com:operator', 'owner@example.com:owner', 'viewer@example.com:viewer']);
  });

  test('viewers and operators read settings but may not change them, grant roles or run probes', async () => {
    const { db } = ctx();
    for (const who of ['viewer', 'operator'] as const) {
      const get = await as(who, 'GET', '/api/admin/workspaces/acme');
      assert.equal(get.statusCode, 200, `${who} reads`);
      assert.equal(get.json().slug, 'acme');
      assert.equal((await as(who, 'GET', '/api/admin/workspaces/acme/probes')).statusCode, 200);

      const before = await snapshot(db);
      const refused = [
        await as(who, 'PATCH', '/api/admin/workspaces/acme', { name: 'Hijacked' }),
        await as(who, 'PUT', '/api/admin/workspaces/acme/members', { email: `${who}@example.com`, role: 'owner' }),
        await as(who, 'POST', '/api/admin/workspaces/acme/probes', { keys: ['x'] }),
      ];
      for (const res of refused) {
        assert.equal(res.statusCode, 403, `${who}: ${res.body}`);
        assert.equal(res.json().error.code, 'forbidden');
      }
      assert.deepEqual(await snapshot(db), before, `${who} changed nothing`);
    }
  });

  test('a non-member gets the same 404 as for a workspace that does not exist', async () => {
    const mine = await as('outsider', 'GET', '/api/admin/workspaces/acme');
    const none = await as('outsider', 'GET', '/api/admin/workspaces/no-such-ws');
    for (const res of [mine, none]) assert.equal(res.statusCode, 404);
    assert.equal(mine.json().error.message, 'workspace acme not found');
    assert.equal(none.json().error.message, 'workspace no-such-ws not found');
    assert.equal((await as('outsider', 'PATCH', '/api/admin/workspaces/acme', { name: 'x' })).statusCode, 404);
    assert.equal((await as('outsider', 'GET', '/api/admin/workspaces/acme/probes')).statusCode, 404);
  });

  test('without a session every workspace endpoint answers 401', async () => {
    const anon = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
      (await t.app.inject({ method, url, ...(payload ? { payload } : {}) })).statusCode;
    assert.equal(await anon('POST', '/api/admin/workspaces', { slug: 'anon', name: 'Anon' }), 401);
    assert.equal(await anon('GET', '/api/admin/workspaces/acme'), 401);
    assert.equal(await anon('PATCH', '/api/admin/workspaces/acme', { name: 'x' }), 401);
    assert.equal(await anon('PUT', '/api/admin/workspaces/acme/members', { email: 'viewer@example.com', role: 'owner' }), 401);
    assert.equal(await anon('POST', '/api/admin/workspaces/acme/probes', { keys: ['x'] }), 401);
    assert.equal(await anon('GET', '/api/admin/workspaces/acme/probes'), 401);
  });

  test('the owner changes settings; secrets are stored but only ever shown masked', async () => {
    const { db } = ctx();
    const patch = await as('owner', 'PATCH', '/api/admin/workspaces/acme', {
      name: 'Acme Ltd', useSandbox: true, wecomCorpId: 'ww0123456789abcdef', wecomAgentId: 1000002,
      oaAppId: 'wx0123456789abcdef', oaOriginalId: 'gh_abcdef123456', payMchId: '1900000109', ...SECRETS,
    });
    assert.equal(patch.statusCode, 200, patch.body);
    const got = await as('viewer', 'GET', '/api/admin/workspaces/acme');
    const me = await as('owner', 'GET', '/api/admin/me');
    for (const res of [patch, got, me]) {
      for (const [field, secret] of Object.entries(SECRETS)) assert.ok(!res.body.includes(secret), `${field} leaked in ${res.body}`);
    }
    const s = got.json().settings;
    assert.equal(got.json().name, 'Acme Ltd');
    assert.equal(got.json().useSandbox, true);
    assert.equal(s.wecomCorpId, 'ww0123456789abcdef');
    assert.equal(s.wecomAgentId, 1000002);
    assert.equal(s.payApiKey, '****6789');
    assert.equal(s.wecomCallbackToken, '****');
    for (const field of Object.keys(SECRETS)) assert.match(s[field], /^\*{4}/, field);
    const row = await db.query<{ pay_api_key: string; wecom_callback_token: string }>(`SELECT pay_api_key, wecom_callback_token FROM workspaces WHERE slug = 'acme'`);
    assert.deepEqual(row.rows[0], { pay_api_key: SECRETS.payApiKey, wecom_callback_token: SECRETS.wecomCallbackToken });
  });

  test('null clears a setting; fields not sent are kept', async () => {
    const res = await as('owner', 'PATCH', '/api/admin/workspaces/acme', { payApiKey: null, payMchId: null });
    assert.equal(res.statusCode, 200, res.body);
    const s = res.json().settings;
    assert.equal(s.payApiKey, null);
    assert.equal(s.payMchId, null);
    assert.equal(s.wecomCorpId, 'ww0123456789abcdef');
    assert.equal(res.json().name, 'Acme Ltd');
  });

  test('the OA progress template id: set, shown as it is (not a secret), refused when malformed, cleared with null', async () => {
    const { db } = ctx();
    const id = 'ngqIpbwh8bUfcSsECmogfXcV14J0tQlEpBO27izEYtY';
    const set = await as('owner', 'PATCH', '/api/admin/workspaces/acme', { oaProgressTemplateId: id });
    assert.equal(set.statusCode, 200, set.body);
    assert.equal((await as('viewer', 'GET', '/api/admin/workspaces/acme')).json().settings.oaProgressTemplateId, id);
    const before = await snapshot(db);
    const bad = await as('owner', 'PATCH', '/api/admin/workspaces/acme', { oaProgressTemplateId: 'no spaces allowed', name: 'Changed?' });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(bad.json().error.fields.map((f: { path: string }) => f.path), ['body.oaProgressTemplateId']);
    assert.deepEqual(await snapshot(db), before, 'nothing changed, the name included');
    const cleared = await as('owner', 'PATCH', '/api/admin/workspaces/acme', { oaProgressTemplateId: null });
    assert.equal(cleared.json().settings.oaProgressTemplateId, null);
  });

  test('the OA template fields: a mapping is kept as written; a wrong one is refused naming the entry', async () => {
    const { db } = ctx();
    const ok = await as('owner', 'PATCH', '/api/admin/workspaces/acme', { oaProgressTemplateFields: 'thing1=activity character_string2=progress' });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().settings.oaProgressTemplateFields, 'thing1=activity character_string2=progress');
    const before = await snapshot(db);
    const bad = await as('owner', 'PATCH', '/api/admin/workspaces/acme', { oaProgressTemplateFields: 'thing1=activity thing2=nickname' });
    assert.equal(bad.statusCode, 400);
    const [field] = bad.json().error.fields;
    assert.equal(field.path, 'body.oaProgressTemplateFields');
    assert.match(field.message, /"thing2=nickname": nickname is not one of/);
    assert.deepEqual(await snapshot(db), before);
    assert.equal((await as('owner', 'PATCH', '/api/admin/workspaces/acme', { oaProgressTemplateFields: null })).json().settings.oaProgressTemplateFields, null);
  });

  test('the OA domain verification file: served at the site root once saved, refused when misnamed, gone when cleared', async () => {
    const { db } = ctx();
    const file = 'MP_verify_Ab12Cd34Ef56Gh78.txt';
    const fetchFile = (name: string) => t.app.inject({ method: 'GET', url: `/${name}` });
    assert.equal((await fetchFile(file)).statusCode, 404, 'nothing saved yet');
    const set = await as('owner', 'PATCH', '/api/admin/workspaces/acme', { oaVerifyFile: file });
    assert.equal(set.statusCode, 200, set.body);
    assert.equal(set.json().settings.oaVerifyFile, file);
    const served = await fetchFile(file);
    assert.equal(served.statusCode, 200);
    assert.equal(served.body, 'Ab12Cd34Ef56Gh78', 'the body is the code in the name, as WeChat expects');
    assert.match(served.headers['content-type'] as string, /^text\/plain/);
    assert.equal((await fetchFile('MP_verify_Other000.txt')).statusCode, 404, 'another code');
    assert.equal((await fetchFile('MP_verify_Ab12Cd34Ef56Gh78.txt.bak')).statusCode, 404);

    const before = await snapshot(db);
    for (const bad of ['Ab12Cd34Ef56Gh78', 'MP_verify_Ab12.html', 'MP_verify_../x.txt', 'WW_verify_Ab12Cd34.txt']) {
      const res = await as('owner', 'PATCH', '/api/admin/workspaces/acme', { oaVerifyFile: bad, name: 'Changed?' });
      assert.equal(res.statusCode, 400, bad);
      assert.deepEqual(res.json().error.fields.map((f: { path: string }) => f.path), ['body.oaVerifyFile'], bad);
    }
    assert.deepEqual(await snapshot(db), before, 'nothing changed, the name included');
    assert.equal((await as('operator', 'PATCH', '/api/admin/workspaces/acme', { oaVerifyFile: null })).statusCode, 403, 'owners only');

    assert.equal((await as('owner', 'PATCH', '/api/admin/workspaces/acme', { oaVerifyFile: null })).json().settings.oaVerifyFile, null);
    assert.equal((await fetchFile(file)).statusCode, 404);
  });

  test('the last owner cannot demote themselves; another owner can be made first', async () => {
    const { db } = ctx();
    const before = await snapshot(db);
    const res = await as('owner', 'PUT', '/api/admin/workspaces/acme/members', { email: 'owner@example.com', role: 'viewer' });
    assert.equal(res.statusCode, 409, res.body);
    assert.equal(res.json().error.fields[0].path, 'role');
    assert.deepEqual(await snapshot(db), before);

    assert.equal((await as('owner', 'PUT', '/api/admin/workspaces/acme/members', { email: 'operator@example.com', role: 'owner' })).statusCode, 204);
    assert.equal((await as('owner', 'PUT', '/api/admin/workspaces/acme/members', { email: 'owner@example.com', role: 'viewer' })).statusCode, 204);
    assert.equal((await as('owner', 'PATCH', '/api/admin/workspaces/acme', { name: 'x' })).statusCode, 403);
    assert.equal((await as('operator', 'PATCH', '/api/admin/workspaces/acme', { name: 'Acme' })).statusCode, 200);
  });

  test('roles are per workspace', async () => {
    const { db } = ctx();
    const a = await createAccount(db, 'a@example.com');
    await createAccount(db, 'b@example.com');
    const ca = await logIn(t.app, 'a@example.com');
    const cb = await logIn(t.app, 'b@example.com');
    for (const [cookie, slug] of [[ca, 'ws-a'], [cb, 'ws-b']] as const) {
      assert.equal((await t.app.inject({ method: 'POST', url: '/api/admin/workspaces', headers: { cookie }, payload: { slug, name: slug } })).statusCode, 201);
    }
    const wsB = await db.query<{ id: string }>(`SELECT id FROM workspaces WHERE slug = 'ws-b'`);
    await grantRole(db, wsB.rows[0]!.id, a.id, 'viewer');
    const patch = (slug: string) => t.app.inject({ method: 'PATCH', url: `/api/admin/workspaces/${slug}`, headers: { cookie: ca }, payload: { name: 'changed' } });
    assert.equal((await patch('ws-a')).statusCode, 200, 'owner of ws-a');
    assert.equal((await patch('ws-b')).statusCode, 403, 'only a viewer of ws-b');
  });
});
