// The sandbox's own API: provisioning, credentials, generated people, images and QR scanning.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decodeQr } from '../../src/sandbox/img/qr.ts';
import { DEMO_CORPID, startTestSandbox } from '../helpers/sandbox.ts';
import type { Json, TestSandbox } from '../helpers/sandbox.ts';

describe('sandbox API', () => {
  let sb: TestSandbox;
  before(async () => {
    sb = await startTestSandbox();
  });
  after(() => sb.close());

  it('starts with a demo corp: staff with Chinese names, contact secret, an agent, callback settings', async () => {
    const creds = (await sb.api('GET', '/credentials')).body;
    assert.equal(creds.wecom.baseUrl, `${sb.url}/wecom`);
    const [demo] = creds.wecom.corps;
    assert.equal(demo.corpid, DEMO_CORPID);
    assert.deepEqual(demo.apps.map((a: Json) => a.kind), ['contact', 'agent']);
    assert.equal(demo.apps[1].agentid, 1000002);
    assert.match(demo.callback.token, /^[A-Za-z0-9]{32}$/);
    assert.match(demo.callback.encodingAESKey, /^[A-Za-z0-9]{43}$/);
    const corp = (await sb.api('GET', `/corps/${DEMO_CORPID}`)).body;
    assert.deepEqual(corp.staff.map((s: Json) => s.name), ['张伟', '王芳', '李娜', '刘洋']);
    const other = await startTestSandbox();
    try {
      assert.deepEqual((await other.api('GET', '/credentials')).body.wecom.corps[0].apps, demo.apps, 'demo credentials are stable');
    } finally {
      await other.close();
    }
    const index = await (await fetch(`${sb.url}/`)).json();
    assert.equal(index.hosts.wecom, `${sb.url}/wecom`);
  });

  it('provisions corps, staff and agents, validating input', async () => {
    const made = await sb.api('POST', '/corps', { name: '新公司', staff: [{ userid: 'amy', name: 'Amy' }], callback: { url: 'http://127.0.0.1:9/cb' } });
    assert.equal(made.status, 201);
    assert.match(made.body.corpid, /^ww[0-9a-f]{16}$/);
    assert.equal(made.body.callback.url, 'http://127.0.0.1:9/cb');
    const secret = made.body.apps.find((a: Json) => a.kind === 'contact').secret;
    assert.equal((await sb.wecom(`/cgi-bin/gettoken?corpid=${made.body.corpid}&corpsecret=${secret}`)).errcode, 0);
    assert.equal((await sb.api('POST', `/corps/${made.body.corpid}/staff`, { userid: 'bob', name: '鲍勃' })).status, 201);
    assert.equal((await sb.api('POST', `/corps/${made.body.corpid}/staff`, { userid: 'bob', name: 'dup' })).status, 400);
    assert.equal((await sb.api('POST', '/corps', { corpid: DEMO_CORPID, name: 'dup' })).status, 400);
    const bad = await sb.api('POST', '/corps', { name: '' });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'validation_failed');
    assert.equal(bad.body.error.fields[0].path, 'name');
    assert.equal((await sb.api('PUT', `/corps/${made.body.corpid}/callback`, { encodingAESKey: 'short' })).status, 400);
    assert.equal((await sb.api('GET', '/corps/wwnope')).status, 404);
    assert.equal((await sb.api('POST', `/corps/${made.body.corpid}/agents`, { name: '第二应用' })).status, 201);
    assert.equal((await sb.api('GET', '/credentials')).body.wecom.corps.length, 2);
  });

  it('generates reproducible people with hostile nicknames and served avatars', async () => {
    const a = (await sb.api('POST', '/people', { count: 60, seed: 2024 })).body.people;
    const b = (await sb.api('POST', '/people', { count: 60, seed: 2024 })).body.people;
    assert.deepEqual(a.map((p: Json) => p.nickname), b.map((p: Json) => p.nickname), 'same seed, same people');
    assert.equal(new Set([...a, ...b].map((p: Json) => p.unionid)).size, 120, 'unionids stay unique');
    const names: string[] = a.map((p: Json) => p.nickname);
    assert.ok(names.some((n) => /\p{Extended_Pictographic}/u.test(n)), 'emoji');
    assert.ok(names.some((n) => [...n].length > 30), 'very long');
    assert.ok(names.some((n) => n.includes('<script>')), 'markup');
    assert.ok(names.some((n) => n.includes('"') && n.includes("'")), 'quotes');
    assert.ok(a.every((p: Json) => /^o[A-Za-z0-9]{27}$/.test(p.unionid) && [0, 1, 2].includes(p.gender) && p.province && p.city));
    const one = (await sb.api('POST', '/people', { person: { nickname: '指定名字', gender: 2 } })).body.people[0];
    assert.equal(one.nickname, '指定名字');
    const img = await fetch(one.avatar);
    assert.equal(img.headers.get('content-type'), 'image/png');
    assert.equal((await sb.api('POST', '/people', { count: 0 })).status, 400);
    assert.equal((await sb.api('GET', `/people/${one.id}`)).body.id, one.id);
    assert.equal((await sb.api('GET', '/people/p99999')).status, 404);
    assert.ok((await sb.api('GET', '/people?limit=5')).body.total >= 121);
  });

  it('serves QR images that decode to the scan URL, and scans a QR image', async () => {
    const token = await sb.token();
    const way = await sb.wecom(`/cgi-bin/externalcontact/add_contact_way?access_token=${token}`, { type: 1, scene: 2, user: ['LiNa'], state: 'img' });
    const png = Buffer.from(await (await fetch(way.qr_code)).arrayBuffer());
    const content = await decodeQr(png);
    assert.match(content ?? '', new RegExp(`^${sb.url}/q/[A-Za-z0-9]+$`));
    const info = await (await fetch(content!)).json();
    assert.deepEqual(info.kind, 'contact_way');
    const person = (await sb.api('POST', '/people', { seed: 1 })).body.people[0];
    const r = await sb.api('POST', '/actions/scan', { person_id: person.id, qr_image: `data:image/png;base64,${png.toString('base64')}` });
    assert.equal(r.body.outcome, 'added');
    assert.equal(r.body.state, 'img');
    const noQr = await sb.api('POST', '/actions/scan', { person_id: person.id, qr_image: Buffer.from('not an image').toString('base64') });
    assert.equal(noQr.status, 422);
    assert.equal((await sb.api('POST', '/actions/scan', { person_id: person.id, qr_url: `${sb.url}/q/unknownkey` })).status, 404);
    // Any other web address (a poster's help link) is a page WeChat opens; anything else is no code.
    const page = await sb.api('POST', '/actions/scan', { person_id: person.id, qr_url: 'https://fission.example/h5/c/1/help/1-abc' });
    assert.deepEqual(page.body, { kind: 'web_page', outcome: 'opened', url: 'https://fission.example/h5/c/1/help/1-abc' });
    assert.equal((await sb.api('POST', '/actions/scan', { person_id: person.id, qr_url: 'weixin://not-a-page' })).status, 404);
    assert.equal((await sb.api('POST', '/actions/scan', { person_id: person.id })).status, 400);
    assert.equal((await sb.api('POST', '/actions/scan', { person_id: 'nobody', qr_url: way.qr_code })).status, 404);
    assert.equal((await sb.api('POST', '/actions/scan', { person_id: person.id, qr_url: way.qr_code, extra: 1 })).status, 400);
    const view = (await sb.api('GET', `/people/${person.id}`)).body;
    assert.deepEqual(view.corps[0].friends.map((f: Json) => [f.userid, f.status, f.state]), [['LiNa', 'active', 'img']]);
  });

  it('advances the clock only forwards', async () => {
    const before = (await sb.api('GET', '/clock')).body;
    const after = (await sb.api('POST', '/clock/advance', { seconds: 30 })).body;
    assert.equal(after.nowSec - before.nowSec >= 30, true);
    assert.equal((await sb.api('POST', '/clock/advance', { seconds: -5 })).status, 400);
  });
});
