// The phone page, the OA hosts and the OAuth cookie when the sandbox is mounted under /sandbox inside
// another app (as `fission start` does): every URL and the cookie path carry the prefix.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { createSandbox } from '../../src/sandbox/server.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { DEMO_APPID } from '../../src/sandbox/store/demo.ts';

describe('phone page and OA hosts under a prefix', () => {
  let app: FastifyInstance;
  let sandbox: Sandbox;
  let base = '';
  before(async () => {
    sandbox = createSandbox({ publicUrl: () => `${base}/sandbox` });
    app = Fastify();
    await app.register(sandbox.plugin, { prefix: '/sandbox' });
    base = (await app.listen({ host: '127.0.0.1', port: 0 })).replace('localhost', '127.0.0.1');
  });
  after(async () => {
    await sandbox.close();
    await app.close();
  });

  it('serves the page with prefixed assets and sends QR links in a browser to it', async () => {
    for (const path of ['/sandbox/phone', '/sandbox/phone/']) {
      const html = await (await fetch(`${base}${path}`)).text();
      assert.match(html, /<body data-base="\/sandbox"/);
      assert.match(html, /src="\/sandbox\/phone\/app\.js"/);
    }
    assert.equal((await fetch(`${base}/sandbox/phone/app.css`)).status, 200);
    const creds = await (await fetch(`${base}/sandbox/sandbox-api/credentials`)).json();
    assert.equal(creds.oa.baseUrl, `${base}/sandbox/oa`);
    assert.equal(creds.phone, `${base}/sandbox/phone`);
    const oa = creds.oa.accounts[0];
    const tok = await (await fetch(`${creds.oa.baseUrl}/cgi-bin/token?grant_type=client_credential&appid=${oa.appid}&secret=${oa.secret}`)).json();
    const code = await (await fetch(`${creds.oa.baseUrl}/cgi-bin/qrcode/create?access_token=${tok.access_token}`, { method: 'POST', body: JSON.stringify({ action_name: 'QR_LIMIT_SCENE', action_info: { scene: { scene_id: 3 } } }) })).json();
    assert.ok(code.url.startsWith(`${base}/sandbox/q/`));
    const res = await fetch(code.url, { redirect: 'manual', headers: { accept: 'text/html' } });
    assert.equal(res.headers.get('location'), `/sandbox/phone?scan=${encodeURIComponent(code.url)}`);
    assert.equal((await fetch(`${base}/sandbox/mp/cgi-bin/showqrcode?ticket=${encodeURIComponent(code.ticket)}`)).headers.get('content-type'), 'image/jpeg');
  });

  it('sets the OAuth person cookie on the sandbox path', async () => {
    const person = (await (await fetch(`${base}/sandbox/sandbox-api/people`, { method: 'POST', body: JSON.stringify({ count: 1 }), headers: { 'content-type': 'application/json' } })).json()).people[0];
    const url = `${base}/sandbox/open/connect/oauth2/authorize?appid=${DEMO_APPID}&redirect_uri=${encodeURIComponent('https://h5.example.com/cb')}&response_type=code&scope=snsapi_base&state=s&as=${person.id}`;
    const res = await fetch(url, { redirect: 'manual' });
    assert.equal(res.status, 302);
    assert.equal(res.headers.get('set-cookie'), `fission_sandbox_person=${person.id}; Path=/sandbox; SameSite=Lax`);
  });
});
