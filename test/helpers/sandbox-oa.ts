// Test helpers for the sandbox's Official Account and WeChat Pay hosts: call them like a client would
// (plain fetch), receive OA pushes on a tiny server that checks them with the shared protocol code
// (plain mode: `signature`; safe mode: `msg_signature` + AES with receiveid = AppID), and sign Pay v2
// requests with an MD5 written here, independent of the sandbox's own.
import { createHash } from 'node:crypto';
import Fastify from 'fastify';
import { createCallbackCrypto } from '../../src/wechat/protocol/callback-crypto.ts';
import { parseEnvelope } from '../../src/wechat/protocol/envelope.ts';
import { plainSignature, signaturesEqual } from '../../src/wechat/protocol/signature.ts';
import { buildXml, parseXml } from '../../src/wechat/protocol/xml.ts';
import type { XmlObject } from '../../src/wechat/protocol/xml.ts';
import { DEMO_APPID, DEMO_MCHID } from '../../src/sandbox/store/demo.ts';
import type { Json, TestSandbox } from './sandbox.ts';

export { DEMO_APPID, DEMO_MCHID };

export async function oaGet(sb: TestSandbox, path: string): Promise<Json> {
  const res = await fetch(`${sb.url}/oa${path}`);
  if (res.status !== 200) throw new Error(`HTTP ${res.status} for ${path}`);
  return (await res.json()) as Json;
}

export async function oaPost(sb: TestSandbox, path: string, body: unknown): Promise<Json> {
  const res = await fetch(`${sb.url}/oa${path}`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  if (res.status !== 200) throw new Error(`HTTP ${res.status} for ${path}`);
  return (await res.json()) as Json;
}

export async function oaCredentials(sb: TestSandbox, appid = DEMO_APPID): Promise<Json> {
  const creds = (await sb.api('GET', '/credentials')).body;
  return creds.oa.accounts.find((a: Json) => a.appid === appid);
}

export async function oaToken(sb: TestSandbox, appid = DEMO_APPID): Promise<string> {
  const oa = await oaCredentials(sb, appid);
  const r = await oaGet(sb, `/cgi-bin/token?grant_type=client_credential&appid=${appid}&secret=${oa.secret}`);
  if (!r.access_token) throw new Error(`token failed: ${JSON.stringify(r)}`);
  return r.access_token as string;
}

export interface OaPush {
  query: Record<string, string>;
  body: string;
  /** The event or message XML (decrypted in safe mode). */
  xml: string;
  fields: XmlObject;
}

export interface OaReceiver {
  url: string;
  received: OaPush[];
  rejected: string[];
  /** The answer to a push (default "success"): e.g. a passive reply. */
  reply: (p: OaPush) => string;
  /** The HTTP status answered (default 200). */
  status: (p: OaPush) => number;
  reset(): void;
  waitFor(count: number, timeoutMs?: number): Promise<OaPush[]>;
  close(): Promise<void>;
}

export async function startOaReceiver(creds: { token: string; encodingAESKey: string; appid: string; originalId: string }): Promise<OaReceiver> {
  const crypto = createCallbackCrypto({ token: creds.token, encodingAESKey: creds.encodingAESKey, receiveId: creds.appid });
  const app = Fastify();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_r, b, done) => done(null, b));
  const r: OaReceiver = {
    url: '',
    received: [],
    rejected: [],
    reply: () => 'success',
    status: () => 200,
    reset() {
      r.received.length = 0;
      r.rejected.length = 0;
      r.reply = () => 'success';
      r.status = () => 200;
    },
    async waitFor(count, timeoutMs = 5000) {
      const until = Date.now() + timeoutMs;
      while (r.received.length < count) {
        if (Date.now() > until) throw new Error(`expected ${count} pushes, got ${r.received.length}`);
        await new Promise((res) => setTimeout(res, 10));
      }
      return r.received;
    },
    close: () => app.close(),
  };
  const signed = (q: Record<string, string>) => !!q.signature && signaturesEqual(plainSignature(creds.token, q.timestamp ?? '', q.nonce ?? ''), q.signature);
  app.get('/oa', async (req, reply) => {
    const q = req.query as Record<string, string>;
    return signed(q) ? reply.type('text/plain').send(q.echostr) : reply.code(403).send('bad signature');
  });
  app.post('/oa', async (req, reply) => {
    const query = req.query as Record<string, string>;
    const body = req.body as string;
    try {
      if (!signed(query)) throw new Error('bad signature');
      if (!query.openid) throw new Error('no openid');
      let xml = body;
      if (query.encrypt_type === 'aes') {
        const env = parseEnvelope(body);
        if (env.toUserName !== creds.originalId) throw new Error(`envelope ToUserName ${env.toUserName}`);
        xml = crypto.openCallback(query as never, body).msg;
      }
      const push = { query, body, xml, fields: parseXml(xml) };
      r.received.push(push);
      return reply.code(r.status(push)).type('text/xml').send(r.reply(push));
    } catch (e) {
      r.rejected.push((e as Error).message);
      return reply.code(403).send('rejected');
    }
  });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  r.url = `${address}/oa`;
  return r;
}

/** A receiver with the OA's settings; the OA's server URL (and mode) pointed at it after a URL check. */
export async function connectOaReceiver(sb: TestSandbox, mode: 'plain' | 'safe', appid = DEMO_APPID): Promise<OaReceiver> {
  const oa = await oaCredentials(sb, appid);
  const r = await startOaReceiver({ token: oa.callback.token, encodingAESKey: oa.callback.encodingAESKey, appid, originalId: oa.originalId });
  const put = await sb.api('PUT', `/oas/${appid}/callback`, { url: r.url, mode, verify: true });
  if (put.status !== 200) throw new Error(`OA callback setup failed: ${JSON.stringify(put.body)}`);
  return r;
}

/** WeChat Pay v2 MD5 signature, written out here so the sandbox's is checked against it. */
export function paySign(params: Record<string, string | number>, key: string): string {
  const s = Object.keys(params)
    .filter((k) => k !== 'sign' && params[k] !== '')
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&');
  return createHash('md5').update(`${s}&key=${key}`).digest('hex').toUpperCase();
}

/** POSTs signed v2 XML to a Pay path; `cert: false` leaves out the client certificate stand-in. */
export async function payPost(sb: TestSandbox, path: string, params: Record<string, string | number>, opts: { key: string; cert?: string | false; sign?: string }): Promise<Record<string, unknown>> {
  const sign = opts.sign ?? paySign(params, opts.key);
  const headers: Record<string, string> = { 'content-type': 'text/xml' };
  if (opts.cert !== false) headers['x-sandbox-client-cert'] = opts.cert ?? String(params.mch_id);
  const res = await fetch(`${sb.url}/pay${path}`, { method: 'POST', body: buildXml({ ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])), sign }), headers });
  if (res.status !== 200) throw new Error(`HTTP ${res.status} for ${path}`);
  return parseXml(await res.text());
}
