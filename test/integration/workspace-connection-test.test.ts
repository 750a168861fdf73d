// The settings page's "test connection" against the real sandbox over HTTP: right credentials pass,
// a wrong secret or corp id comes back with WeCom's errcode, an app behind a trusted-IP list with
// 60020, what is not configured says so, and nothing in the settings changes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachEngine } from '../helpers/db.ts';
import { startAdminApi, type AdminApi } from '../helpers/admin-api.ts';
import { DEMO_CORPID, startTestSandbox, type Json, type TestSandbox } from '../helpers/sandbox.ts';
import { DEMO_APPID, oaCredentials } from '../helpers/sandbox-oa.ts';
import { updateWorkspaceSettings } from '../../src/modules/workspace/update-workspace-settings.ts';

describeEachEngine('workspace connection test', (ctx) => {
  let sb: TestSandbox;
  let api: AdminApi;
  let corp: Json;
  before(async () => {
    sb = await startTestSandbox();
    api = await startAdminApi(ctx().db, 'conn', { FISSION_SANDBOX_URL: sb.url });
    corp = (await sb.api('GET', '/credentials')).body.wecom.corps.find((c: Json) => c.corpid === DEMO_CORPID);
  });
  after(async () => {
    await api?.close();
    await sb?.close();
  });
  const secretOf = (kind: string) => corp.apps.find((a: Json) => a.kind === kind).secret as string;
  const run = async (as: 'operator' | 'viewer' = 'operator') => api.call('POST', api.url('/connection-test'), { as });
  const results = (body: Json) => Object.fromEntries(body.checks.map((c: Json) => [c.check, [c.result, c.errcode]]));

  test('nothing configured: every check says so', async () => {
    const r = await run();
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(results(r.body), { wecomContact: ['not_configured', null], wecomAgent: ['not_configured', null], oa: ['not_configured', null] });
  });

  test('the right credentials pass; a wrong secret, corp id or untrusted IP comes back with WeCom’s errcode', async () => {
    const ws = api.ws.workspaceId;
    const oa = await oaCredentials(sb, DEMO_APPID);
    await updateWorkspaceSettings(ctx().db, ws, {
      useSandbox: true, wecomCorpId: DEMO_CORPID, wecomContactSecret: secretOf('contact'), wecomAgentId: 1000002, wecomAgentSecret: secretOf('agent'),
      oaAppId: DEMO_APPID, oaAppSecret: oa.secret,
    });
    const ok = await run();
    assert.equal(ok.status, 200);
    assert.equal(ok.body.sandbox, true);
    assert.deepEqual(results(ok.body), { wecomContact: ['ok', 0], wecomAgent: ['ok', 0], oa: ['ok', 0] });

    await updateWorkspaceSettings(ctx().db, ws, { wecomContactSecret: 'not-the-secret-0123456789', oaAppSecret: 'f'.repeat(32) });
    const wrongSecret = await run();
    assert.equal(wrongSecret.body.checks[0].result, 'failed');
    assert.equal(wrongSecret.body.checks[0].errcode, 40001);
    assert.match(wrongSecret.body.checks[0].errmsg, /invalid credential/);
    assert.deepEqual(results(wrongSecret.body).wecomAgent, ['ok', 0]);
    assert.deepEqual(results(wrongSecret.body).oa, ['failed', 40125]);

    await updateWorkspaceSettings(ctx().db, ws, { wecomCorpId: 'wwdoesnotexist00' });
    assert.deepEqual(results((await run()).body).wecomAgent, ['failed', 40013]);

    // An agent whose trusted IPs do not include us.
    await sb.api('POST', `/corps/${DEMO_CORPID}/agents`, { agentid: 1000077, secret: 'fenced-secret-0123456789', trustedIps: ['10.9.9.9'] });
    await updateWorkspaceSettings(ctx().db, ws, { wecomCorpId: DEMO_CORPID, wecomAgentId: 1000077, wecomAgentSecret: 'fenced-secret-0123456789' });
    assert.deepEqual(results((await run()).body).wecomAgent, ['failed', 60020]);

    // Testing changed nothing.
    const view = await api.call('GET', api.url(''), { as: 'viewer' });
    assert.equal(view.body.settings.wecomAgentId, 1000077);
  });

  test('WeChat unreachable: failed with no errcode; a viewer may not run it', async () => {
    const down = await startAdminApi(ctx().db, 'conn2', { FISSION_SANDBOX_URL: 'http://127.0.0.1:9' });
    try {
      await updateWorkspaceSettings(ctx().db, down.ws.workspaceId, { useSandbox: true, wecomCorpId: DEMO_CORPID, wecomContactSecret: secretOf('contact') });
      const r = await down.call('POST', down.url('/connection-test'));
      assert.deepEqual([r.body.checks[0].result, r.body.checks[0].errcode], ['failed', null]);
      assert.ok(r.body.checks[0].errmsg);
    } finally {
      await down.close();
    }
    assert.equal((await run('viewer')).status, 403);
  });
});
