// Bad input to every admin endpoint: a 4xx naming each bad field, and not one row changed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachEngine } from '../helpers/db.ts';
import { buildTestApp, createAccount, logIn, PASSWORD, type TestApp } from '../helpers/app.ts';
import { snapshot } from '../helpers/snapshot.ts';
import { createWorkspace } from '../../src/modules/workspace/create-workspace.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';
interface Case {
  name: string;
  method: Method;
  url: string;
  /** An object is sent as JSON; a string is sent raw with `contentType`. */
  payload?: unknown;
  contentType?: string;
  status?: number;
  /** Every field path the error must name (exactly these, in any order). */
  fields?: string[];
}

const LOGIN = '/api/admin/auth/login';
const WS = '/api/admin/workspaces';
const ACME = `${WS}/acme`;
const MEMBERS = `${ACME}/members`;
const PROBES = `${ACME}/probes`;

const CASES: Case[] = [
  { name: 'login: not an email', method: 'POST', url: LOGIN, payload: { email: 'owner', password: PASSWORD }, fields: ['body.email'] },
  { name: 'login: no password', method: 'POST', url: LOGIN, payload: { email: 'owner@example.com' }, fields: ['body.password'] },
  { name: 'login: empty password', method: 'POST', url: LOGIN, payload: { email: 'owner@example.com', password: '' }, fields: ['body.password'] },
  { name: 'login: password not a string', method: 'POST', url: LOGIN, payload: { email: 'owner@example.com', password: 12345678 }, fields: ['body.password'] },
  { name: 'login: both missing', method: 'POST', url: LOGIN, payload: {}, fields: ['body.email', 'body.password'] },
  { name: 'login: no body', method: 'POST', url: LOGIN, fields: ['body'] },
  { name: 'login: body an array', method: 'POST', url: LOGIN, payload: [], fields: ['body'] },
  { name: 'login: malformed JSON', method: 'POST', url: LOGIN, payload: '{"email":', contentType: 'application/json' },
  { name: 'login: form-encoded', method: 'POST', url: LOGIN, payload: 'email=a@b.co&password=x', contentType: 'application/x-www-form-urlencoded', status: 415 },
  { name: 'login: body over 4 MB', method: 'POST', url: LOGIN, payload: { email: 'owner@example.com', password: 'x'.repeat(4 * 1024 * 1024) }, status: 413 },

  { name: 'create workspace: bad slug', method: 'POST', url: WS, payload: { slug: 'Bad Slug', name: 'X' }, fields: ['body.slug'] },
  { name: 'create workspace: slug too short', method: 'POST', url: WS, payload: { slug: 'a', name: 'X' }, fields: ['body.slug'] },
  { name: 'create workspace: slug starts with a dash', method: 'POST', url: WS, payload: { slug: '-acme', name: 'X' }, fields: ['body.slug'] },
  { name: 'create workspace: blank name', method: 'POST', url: WS, payload: { slug: 'new-ws', name: '   ' }, fields: ['body.name'] },
  { name: 'create workspace: name too long', method: 'POST', url: WS, payload: { slug: 'new-ws', name: 'x'.repeat(61) }, fields: ['body.name'] },
  { name: 'create workspace: useSandbox not a boolean', method: 'POST', url: WS, payload: { slug: 'new-ws', name: 'X', useSandbox: 'yes' }, fields: ['body.useSandbox'] },
  { name: 'create workspace: everything missing', method: 'POST', url: WS, payload: {}, fields: ['body.slug', 'body.name'] },
  { name: 'create workspace: slug taken', method: 'POST', url: WS, payload: { slug: 'acme', name: 'Again' }, status: 409, fields: ['slug'] },

  { name: 'settings: bad workspace in the path', method: 'PATCH', url: `${WS}/Not_A_Slug`, payload: { name: 'x' }, fields: ['params.workspace'] },
  { name: 'settings: unknown field', method: 'PATCH', url: ACME, payload: { name: 'ok', isAdmin: true }, fields: ['body'] },
  { name: 'settings: blank name', method: 'PATCH', url: ACME, payload: { name: '' }, fields: ['body.name'] },
  { name: 'settings: name null', method: 'PATCH', url: ACME, payload: { name: null }, fields: ['body.name'] },
  { name: 'settings: useSandbox null', method: 'PATCH', url: ACME, payload: { useSandbox: null }, fields: ['body.useSandbox'] },
  { name: 'settings: corp id', method: 'PATCH', url: ACME, payload: { wecomCorpId: 'ww-01' }, fields: ['body.wecomCorpId'] },
  { name: 'settings: agent id not an integer', method: 'PATCH', url: ACME, payload: { wecomAgentId: 1.5 }, fields: ['body.wecomAgentId'] },
  { name: 'settings: agent id a string', method: 'PATCH', url: ACME, payload: { wecomAgentId: '1000002' }, fields: ['body.wecomAgentId'] },
  { name: 'settings: agent id negative', method: 'PATCH', url: ACME, payload: { wecomAgentId: -1 }, fields: ['body.wecomAgentId'] },
  { name: 'settings: secret too short', method: 'PATCH', url: ACME, payload: { wecomContactSecret: 'short' }, fields: ['body.wecomContactSecret'] },
  { name: 'settings: AES key of 42 characters', method: 'PATCH', url: ACME, payload: { wecomCallbackAesKey: 'a'.repeat(42) }, fields: ['body.wecomCallbackAesKey'] },
  { name: 'settings: callback token with symbols', method: 'PATCH', url: ACME, payload: { oaCallbackToken: 'to-ken' }, fields: ['body.oaCallbackToken'] },
  { name: 'settings: OA AppID', method: 'PATCH', url: ACME, payload: { oaAppId: 'wx123' }, fields: ['body.oaAppId'] },
  { name: 'settings: original id', method: 'PATCH', url: ACME, payload: { oaOriginalId: 'abc' }, fields: ['body.oaOriginalId'] },
  { name: 'settings: merchant id', method: 'PATCH', url: ACME, payload: { payMchId: '12ab' }, fields: ['body.payMchId'] },
  { name: 'settings: Pay key of 31 characters', method: 'PATCH', url: ACME, payload: { payApiKey: 'a'.repeat(31) }, fields: ['body.payApiKey'] },
  {
    // Good fields beside bad ones: nothing is written, and every bad one is named.
    name: 'settings: two bad fields among good ones', method: 'PATCH', url: ACME,
    payload: { name: 'Renamed', wecomCorpId: 'ww0123456789', oaAppId: 'nope', payApiKey: 'short' }, fields: ['body.oaAppId', 'body.payApiKey'],
  },
  { name: 'settings: body not an object', method: 'PATCH', url: ACME, payload: '"name"', contentType: 'application/json', fields: ['body'] },

  { name: 'members: not an email', method: 'PUT', url: MEMBERS, payload: { email: 'viewer', role: 'viewer' }, fields: ['body.email'] },
  { name: 'members: unknown role', method: 'PUT', url: MEMBERS, payload: { email: 'viewer@example.com', role: 'admin' }, fields: ['body.role'] },
  { name: 'members: missing role', method: 'PUT', url: MEMBERS, payload: { email: 'viewer@example.com' }, fields: ['body.role'] },
  { name: 'members: no such account', method: 'PUT', url: MEMBERS, payload: { email: 'ghost@example.com', role: 'viewer' }, status: 404, fields: ['email'] },
  { name: 'members: bad workspace in the path', method: 'PUT', url: `${WS}/A/members`, payload: { email: 'viewer@example.com', role: 'viewer' }, fields: ['params.workspace'] },

  { name: 'probes: no keys', method: 'POST', url: PROBES, payload: { keys: [] }, fields: ['body.keys'] },
  { name: 'probes: keys missing', method: 'POST', url: PROBES, payload: {}, fields: ['body.keys'] },
  { name: 'probes: a key with a space', method: 'POST', url: PROBES, payload: { keys: ['ok', 'not ok'] }, fields: ['body.keys.1'] },
  { name: 'probes: a key too long', method: 'POST', url: PROBES, payload: { keys: ['k'.repeat(81)] }, fields: ['body.keys.0'] },
  { name: 'probes: too many keys', method: 'POST', url: PROBES, payload: { keys: Array.from({ length: 1001 }, (_, i) => `k${i}`) }, fields: ['body.keys'] },
  { name: 'probes: negative sleep', method: 'POST', url: PROBES, payload: { keys: ['a'], sleepMs: -1 }, fields: ['body.sleepMs'] },
  { name: 'probes: sleep too long', method: 'POST', url: PROBES, payload: { keys: ['a'], sleepMs: 60_001 }, fields: ['body.sleepMs'] },
  { name: 'probes: fractional sleep', method: 'POST', url: PROBES, payload: { keys: ['a'], sleepMs: 1.5 }, fields: ['body.sleepMs'] },
  { name: 'probes: bad workspace in the path', method: 'POST', url: `${WS}/x/probes`, payload: { keys: ['a'] }, fields: ['params.workspace'] },
  { name: 'probe report: bad workspace in the path', method: 'GET', url: `${WS}/x/probes`, fields: ['params.workspace'] },
];

describeEachEngine('bad input to admin endpoints', (ctx) => {
  let t: TestApp;
  let cookie: string;
  before(async () => {
    const { db } = ctx();
    t = await buildTestApp(db);
    const owner = await createAccount(db, 'owner@example.com');
    await createAccount(db, 'viewer@example.com');
    await createWorkspace(db, { slug: 'acme', name: 'Acme', ownerId: owner.id });
    cookie = await logIn(t.app, 'owner@example.com');
  });
  after(() => t.close());

  for (const c of CASES) {
    test(c.name, async () => {
      const { db } = ctx();
      const before = await snapshot(db);
      const headers: Record<string, string> = { cookie };
      if (c.contentType) headers['content-type'] = c.contentType;
      const res = await t.app.inject({
        method: c.method, url: c.url, headers,
        ...(c.payload === undefined ? {} : { payload: typeof c.payload === 'string' ? c.payload : JSON.stringify(c.payload) }),
        ...(c.payload !== undefined && !c.contentType ? { headers: { ...headers, 'content-type': 'application/json' } } : {}),
      });
      assert.equal(res.statusCode, c.status ?? 400, res.body);
      assert.match(String(res.headers['content-type']), /^application\/json/);
      const err = res.json().error;
      assert.ok(err.message.length > 0);
      assert.match(err.requestId, /^[0-9a-f-]{36}$/);
      if (c.fields) {
        assert.deepEqual((err.fields ?? []).map((f: { path: string }) => f.path).sort(), [...new Set(c.fields)].sort(), res.body);
        for (const f of err.fields) assert.ok(f.message.length > 0, `message for ${f.path}`);
      }
      assert.deepEqual(await snapshot(db), before, 'nothing changed');
    });
  }

  test('the settings error names the unknown key', async () => {
    const res = await t.app.inject({ method: 'PATCH', url: ACME, headers: { cookie }, payload: { isAdmin: true } });
    assert.equal(res.statusCode, 400);
    assert.match(res.json().error.fields[0].message, /isAdmin/);
  });
});
