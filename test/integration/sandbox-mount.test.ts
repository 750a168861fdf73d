// The sandbox mounted inside another Fastify app under /sandbox, as `fission start` does: its
// URLs carry the prefix and its WeChat-style body parsing stays inside its own routes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { decodeQr } from '../../src/sandbox/img/qr.ts';
import { createSandbox } from '../../src/sandbox/server.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { DEMO_CORPID } from '../../src/sandbox/store/demo.ts';

describe('sandbox mounted under a prefix', () => {
  let app: FastifyInstance;
  let sandbox: Sandbox;
  let base = '';
  before(async () => {
    sandbox = createSandbox({ publicUrl: () => `${base}/sandbox` });
    app = Fastify();
    app.post('/api/echo', async (req) => ({ got: req.body }));
    await app.register(sandbox.plugin, { prefix: '/sandbox' });
    base = (await app.listen({ host: '127.0.0.1', port: 0 })).replace('localhost', '127.0.0.1');
  });
  after(async () => {
    await sandbox.close();
    await app.close();
  });

  it('serves WeCom and the sandbox API under the prefix with prefixed URLs', async () => {
    const creds = await (await fetch(`${base}/sandbox/sandbox-api/credentials`)).json();
    assert.equal(creds.wecom.baseUrl, `${base}/sandbox/wecom`);
    const secret = creds.wecom.corps[0].apps[0].secret;
    const tok = await (await fetch(`${creds.wecom.baseUrl}/cgi-bin/gettoken?corpid=${DEMO_CORPID}&corpsecret=${secret}`)).json();
    assert.equal(tok.errcode, 0);
    const way = await (
      await fetch(`${creds.wecom.baseUrl}/cgi-bin/externalcontact/add_contact_way?access_token=${tok.access_token}`, { method: 'POST', body: JSON.stringify({ type: 1, scene: 2, user: ['ZhangWei'] }) })
    ).json();
    assert.ok(way.qr_code.startsWith(`${base}/sandbox/img/qr/`));
    const content = await decodeQr(Buffer.from(await (await fetch(way.qr_code)).arrayBuffer()));
    assert.ok(content?.startsWith(`${base}/sandbox/q/`));
  });

  it('leaves the host app\'s JSON parsing alone', async () => {
    const ok = await fetch(`${base}/api/echo`, { method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json' } });
    assert.deepEqual(await ok.json(), { got: { a: 1 } });
    const bad = await fetch(`${base}/api/echo`, { method: 'POST', body: '{"a":', headers: { 'content-type': 'application/json' } });
    assert.equal(bad.status, 400);
    const plain = await fetch(`${base}/api/echo`, { method: 'POST', body: 'x', headers: { 'content-type': 'text/xml' } });
    assert.equal(plain.status, 415, 'the sandbox catch-all parser does not leak out');
  });
});
