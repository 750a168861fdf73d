// Test helpers for the WeChat sandbox: start it on an ephemeral port, call WeCom like a client
// would (plain fetch), and receive its callbacks on a tiny server that verifies and decrypts them
// with the shared protocol code.
import Fastify from 'fastify';
import { createCallbackCrypto } from '../../src/wechat/protocol/callback-crypto.ts';
import { parseWecomEvent } from '../../src/wechat/protocol/wecom-events.ts';
import type { WecomEvent } from '../../src/wechat/protocol/wecom-events.ts';
import { startSandboxServer } from '../../src/sandbox/server.ts';
import type { SandboxServerOptions } from '../../src/sandbox/server.ts';
import { DEMO_CORPID } from '../../src/sandbox/store/demo.ts';

export type Json = Record<string, any>;

export interface TestSandbox {
  url: string;
  close(): Promise<void>;
  /** GET/POST a WeCom API path (e.g. `/cgi-bin/gettoken?…`) and return the parsed JSON. */
  wecom(path: string, body?: unknown): Promise<Json>;
  /** Call the sandbox API; returns status and JSON. */
  api(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }>;
  /** A fresh access_token for the demo corp (contact secret by default, or the agent's). */
  token(kind?: 'contact' | 'agent', corpid?: string): Promise<string>;
  server: Awaited<ReturnType<typeof startSandboxServer>>;
}

export async function startTestSandbox(opts: SandboxServerOptions = {}): Promise<TestSandbox> {
  const server = await startSandboxServer({ callbacks: { retryDelayMs: 20, timeoutMs: 1000 }, ...opts });
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}/sandbox-api${path}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    return { status: res.status, body: (await res.json()) as Json };
  };
  const wecom = async (path: string, body?: unknown) => {
    const res = await fetch(`${server.url}/wecom${path}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    if (res.status !== 200) throw new Error(`HTTP ${res.status} for ${path}`);
    return (await res.json()) as Json;
  };
  return {
    url: server.url,
    server,
    close: () => server.close(),
    api,
    wecom,
    async token(kind = 'contact', corpid = DEMO_CORPID) {
      const creds = (await api('GET', '/credentials')).body;
      const corp = creds.wecom.corps.find((c: Json) => c.corpid === corpid);
      const app = corp.apps.find((a: Json) => a.kind === kind);
      const r = await wecom(`/cgi-bin/gettoken?corpid=${corpid}&corpsecret=${app.secret}`);
      if (r.errcode !== 0) throw new Error(`gettoken failed: ${JSON.stringify(r)}`);
      return r.access_token as string;
    },
  };
}

export interface Received {
  query: Record<string, string>;
  body: string;
  /** Decrypted inner XML. */
  xml: string;
  event: WecomEvent;
}

export interface CallbackReceiver {
  url: string;
  received: Received[];
  /** Rejected deliveries (bad signature or decryption). */
  rejected: string[];
  /** Every POST, in arrival order, with the status answered and the decrypted XML. */
  attempts: { status: number; xml: string }[];
  /** Decides the answer to the n-th delivery (0-based): status code and an optional delay. */
  respond: (n: number) => { status?: number; delayMs?: number };
  /** Forgets what was received and restarts the delivery count for `respond`. */
  reset(): void;
  /** Resolves once `count` deliveries were accepted. */
  waitFor(count: number, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}

export async function startCallbackReceiver(creds: { token: string; encodingAESKey: string; corpid: string }): Promise<CallbackReceiver> {
  const crypto = createCallbackCrypto({ token: creds.token, encodingAESKey: creds.encodingAESKey, receiveId: creds.corpid });
  const app = Fastify();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_r, b, done) => done(null, b));
  let n = 0;
  const r: CallbackReceiver = {
    url: '',
    received: [],
    rejected: [],
    attempts: [],
    respond: () => ({ status: 200 }),
    reset() {
      r.received.length = 0;
      r.rejected.length = 0;
      r.attempts.length = 0;
      r.respond = () => ({ status: 200 });
      n = 0;
    },
    async waitFor(count, timeoutMs = 5000) {
      const until = Date.now() + timeoutMs;
      while (r.received.length < count) {
        if (Date.now() > until) throw new Error(`expected ${count} callbacks, got ${r.received.length}`);
        await new Promise((res) => setTimeout(res, 10));
      }
      return r.received;
    },
    close: () => app.close(),
  };
  app.get('/callback', async (req, reply) => {
    try {
      return reply.type('text/plain').send(crypto.verifyUrl(req.query as never));
    } catch {
      return reply.code(403).send('bad signature');
    }
  });
  app.post('/callback', async (req, reply) => {
    const attempt = n++;
    const plan = r.respond(attempt);
    if (plan.delayMs) await new Promise((res) => setTimeout(res, plan.delayMs));
    const query = req.query as Record<string, string>;
    const body = req.body as string;
    let xml: string;
    try {
      xml = crypto.openCallback(query as never, body).msg;
    } catch (e) {
      r.rejected.push((e as Error).message);
      return reply.code(403).send('bad signature');
    }
    const status = plan.status ?? 200;
    r.attempts.push({ status, xml });
    if (status === 200) r.received.push({ query, body, xml, event: parseWecomEvent(xml) });
    return reply.code(status).send(status === 200 ? 'success' : 'error');
  });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  r.url = `${address}/callback`;
  return r;
}

export { DEMO_CORPID };

/** Starts a receiver with the corp's callback settings and points the corp's callback URL at it. */
export async function connectReceiver(sb: TestSandbox, corpid = DEMO_CORPID): Promise<CallbackReceiver> {
  const corp = (await sb.api('GET', `/corps/${corpid}`)).body;
  const r = await startCallbackReceiver({ token: corp.callback.token, encodingAESKey: corp.callback.encodingAESKey, corpid });
  const put = await sb.api('PUT', `/corps/${corpid}/callback`, { url: r.url, verify: true });
  if (put.status !== 200) throw new Error(`callback setup failed: ${JSON.stringify(put.body)}`);
  return r;
}

/** Creates people through the sandbox API. */
export async function makePeople(sb: TestSandbox, count: number, seed = 1): Promise<Json[]> {
  return (await sb.api('POST', '/people', { count, seed })).body.people as Json[];
}
