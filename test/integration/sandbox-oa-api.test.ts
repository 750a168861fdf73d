// The sandbox API for Official Accounts and merchants: the credentials listing (oa and pay
// sections), provisioning with field errors, templates, settings, and the inspection routes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_APPID, DEMO_MCHID } from '../helpers/sandbox-oa.ts';
import { makePeople, startTestSandbox } from '../helpers/sandbox.ts';
import type { Json, TestSandbox } from '../helpers/sandbox.ts';

describe('sandbox API for Official Accounts and Pay', () => {
  let sb: TestSandbox;
  before(async () => {
    sb = await startTestSandbox();
  });
  after(() => sb.close());

  it('lists the demo account and merchant with stable, derived credentials', async () => {
    const c = (await sb.api('GET', '/credentials')).body;
    assert.equal(c.oa.baseUrl, `${sb.url}/oa`);
    assert.equal(c.oa.mpBaseUrl, `${sb.url}/mp`);
    assert.equal(c.oa.openBaseUrl, `${sb.url}/open`);
    const [oa] = c.oa.accounts as Json[];
    assert.equal(oa!.appid, DEMO_APPID);
    assert.match(oa!.appid, /^wx[0-9a-f]{16}$/);
    assert.match(oa!.secret, /^[0-9a-f]{32}$/);
    assert.match(oa!.originalId, /^gh_[0-9a-f]{12}$/);
    assert.equal(oa!.name, '裂变示例服务号');
    assert.equal(oa!.callback.mode, 'safe');
    assert.match(oa!.callback.encodingAESKey, /^[A-Za-z0-9]{43}$/);
    assert.equal(oa!.templates.length, 1);
    assert.equal(c.pay.baseUrl, `${sb.url}/pay`);
    assert.equal(c.pay.clientCertHeader, 'x-sandbox-client-cert');
    assert.deepEqual(c.pay.merchants.map((m: Json) => [m.mchId, m.appids, m.balance]), [[DEMO_MCHID, [DEMO_APPID], 1_000_000]]);
    assert.equal(c.phone, `${sb.url}/phone`);
    // Another sandbox derives the same demo credentials.
    const other = await startTestSandbox();
    try {
      const c2 = (await other.api('GET', '/credentials')).body;
      assert.deepEqual(c2.oa.accounts, c.oa.accounts);
      assert.deepEqual(c2.pay.merchants.map((m: Json) => m.key), c.pay.merchants.map((m: Json) => m.key));
    } finally {
      await other.close();
    }
  });

  it('provisions accounts, naming the bad field', async () => {
    const bad = async (body: Json, field: string) => {
      const r = await sb.api('POST', '/oas', body);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.equal(r.body.error.fields[0].path, field);
    };
    await bad({ name: 'x', appid: 'nope' }, 'appid');
    await bad({ name: 'x', appid: DEMO_APPID }, 'appid');
    await bad({ name: 'x', secret: 'short' }, 'secret');
    await bad({ name: 'x', originalId: 'gh_zz' }, 'originalId');
    await bad({ name: 'x', callback: { token: 'a' } }, 'callback.token');
    await bad({ name: 'x', oauthDomains: ['https://h5.example.com'] }, 'oauthDomains');
    await bad({}, 'name');
    const r = await sb.api('POST', '/oas', { name: '第二个号', callback: { mode: 'plain' }, oauthDomains: ['H5.Example.com:8443'], templates: [{ templateId: 'tplA', title: '通知', content: '{{first.DATA}}' }] });
    assert.equal(r.status, 201);
    assert.deepEqual(r.body.oauthDomains, ['h5.example.com:8443']);
    assert.equal(r.body.callback.mode, 'plain');
    assert.deepEqual(r.body.counts, { followers: 0, everFollowed: 0, qrCodes: 0, permanentQrCodes: 0, messages: 0 });
    const dup = await sb.api('POST', `/oas/${r.body.appid}/templates`, { templateId: 'tplA', title: 't', content: 'c' });
    assert.equal(dup.status, 400);
    const t = await sb.api('POST', `/oas/${r.body.appid}/templates`, { title: '奖励到账', content: '{{keyword1.DATA}}' });
    assert.equal(t.status, 201);
    assert.match(t.body.templateId, /^[A-Za-z0-9]{43}$/);
    assert.equal((await sb.api('PATCH', `/oas/${r.body.appid}`, { name: '改名了' })).body.name, '改名了');
    assert.equal((await sb.api('GET', '/oas/wx0000000000000000')).status, 404);
    assert.equal((await sb.api('GET', '/oas')).body.oas.length, 2);
  });

  it('shows followers and what they received', async () => {
    const [p] = await makePeople(sb, 1, 121);
    const f = (await sb.api('POST', '/actions/oa-follow', { person_id: p!.id, appid: DEMO_APPID, scene: 'ADD_SCENE_PROFILE_CARD' })).body;
    assert.equal((await sb.api('POST', '/actions/oa-follow', { person_id: p!.id, appid: DEMO_APPID, scene: 'ADD_SCENE_BOGUS' })).status, 400);
    const followers = (await sb.api('GET', `/oas/${DEMO_APPID}/followers`)).body.followers as Json[];
    const mine = followers.find((x) => x.openid === f.openid)!;
    assert.equal(mine.personId, p!.id);
    assert.equal(mine.subscribe_scene, 'ADD_SCENE_PROFILE_CARD');
    assert.equal(mine.windows.length, 1);
    assert.equal((await sb.api('POST', '/actions/oa-message', { person_id: 'p99999', appid: DEMO_APPID, content: 'x' })).status, 404);
    const [q] = await makePeople(sb, 1, 122);
    const stranger = await sb.api('POST', '/actions/oa-message', { person_id: q!.id, appid: DEMO_APPID, content: 'x' });
    assert.equal(stranger.status, 409);
    assert.equal((await sb.api('POST', '/actions/oa-refuse-templates', { person_id: q!.id, appid: DEMO_APPID, refuse: true })).status, 409);
  });

  it('manages merchants: injections can be listed and cleared', async () => {
    const inj = await sb.api('POST', `/merchants/${DEMO_MCHID}/inject`, { err_code: 'PROCESSING', times: 2 });
    assert.deepEqual(inj.body.injections, [{ errCode: 'PROCESSING', times: 2, sent: true }]);
    assert.equal((await sb.api('POST', `/merchants/${DEMO_MCHID}/inject`, { err_code: 'NOTENOUGH' })).status, 400);
    assert.deepEqual((await sb.api('DELETE', `/merchants/${DEMO_MCHID}/inject`)).body.injections, []);
    assert.equal((await sb.api('GET', '/merchants/123')).status, 404);
    assert.equal((await sb.api('POST', '/merchants', { name: 'x', mchId: 'abc' })).status, 400);
  });
});
