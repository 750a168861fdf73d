// A tiny stand-in for WeChat's hosts that speaks the documented shapes (reference §0–§7), for
// client tests until (and besides) the sandbox: tokens it can revoke, a per-path queue of errors
// to answer first, canned answers, and a record of every request.
import Fastify, { type FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';

export interface Recorded {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  file?: { field: string; filename: string; mimetype: string; size: number };
}

export interface FakeWeChat {
  url: string;
  requests: Recorded[];
  /** gettoken / token calls so far. */
  tokenCalls(): number;
  /** Tokens issued so far. */
  issued: string[];
  /** The live token stops working (as WeChat ops may do); the next token call issues a new one. */
  revoke(errcode?: 40014 | 42001): void;
  /** Answer these errcodes, in order, before the normal answer for `path`. */
  fail(path: string, ...errcodes: number[]): void;
  /** The success body (besides errcode/errmsg) for `path`. */
  answer(path: string, body: Record<string, unknown> | ((r: Recorded) => Record<string, unknown>)): void;
  /** Raw handler for a path (e.g. Pay XML). */
  raw(path: string, handler: (r: Recorded) => { status?: number; type: string; body: string }): void;
  /** Delay of the token endpoints (to overlap concurrent refreshes). */
  tokenDelayMs: number;
  close(): Promise<void>;
}

export const SECRET = 'fake-secret-DO-NOT-LOG-0123456789';

export async function startFakeWeChat(): Promise<FakeWeChat> {
  const app: FastifyInstance = Fastify({ logger: false });
  await app.register(multipart);
  app.addContentTypeParser(['text/xml', 'application/xml'], { parseAs: 'string' }, (_r, b, done) => done(null, b));
  const requests: Recorded[] = [];
  const issued: string[] = [];
  const faults = new Map<string, number[]>();
  const answers = new Map<string, Record<string, unknown> | ((r: Recorded) => Record<string, unknown>)>();
  const raws = new Map<string, (r: Recorded) => { status?: number; type: string; body: string }>();
  let live: string | undefined;
  const revoked = new Map<string, number>();
  let tokenCalls = 0;
  const fake = {
    url: '', requests, issued, tokenDelayMs: 0,
    tokenCalls: () => tokenCalls,
    revoke(errcode: 40014 | 42001 = 42001) {
      if (live) revoked.set(live, errcode);
      live = undefined;
    },
    fail: (path: string, ...codes: number[]) => void faults.set(path, [...(faults.get(path) ?? []), ...codes]),
    answer: (path: string, body: Record<string, unknown> | ((r: Recorded) => Record<string, unknown>)) => void answers.set(path, body),
    raw: (path: string, h: (r: Recorded) => { status?: number; type: string; body: string }) => void raws.set(path, h),
    close: () => app.close(),
  };

  const issue = async () => {
    tokenCalls++;
    if (fake.tokenDelayMs) await new Promise((r) => setTimeout(r, fake.tokenDelayMs));
    if (!live) issued.push((live = `TOKEN-${issued.length + 1}-${Math.random().toString(36).slice(2)}`));
    return { access_token: live, expires_in: 7200 };
  };

  app.all('/*', async (req, reply) => {
    const path = req.url.split('?')[0]!;
    const rec: Recorded = { method: req.method, path, query: req.query as Record<string, string>, body: req.body };
    if (req.isMultipart()) {
      const f = await req.file();
      const buf = await f!.toBuffer();
      rec.file = { field: f!.fieldname, filename: f!.filename, mimetype: f!.mimetype, size: buf.length };
      rec.body = undefined;
    }
    requests.push(rec);
    const raw = raws.get(path);
    if (raw) {
      const r = raw(rec);
      return reply.status(r.status ?? 200).type(r.type).send(r.body);
    }
    const queued = faults.get(path)?.shift();
    if (queued !== undefined) return { errcode: queued, errmsg: `fake error ${queued}, hint: [x], more info at https://example/devtool/query?e=${queued}` };
    if (path === '/cgi-bin/gettoken') {
      if (rec.query.corpsecret !== SECRET) return { errcode: 40001, errmsg: 'invalid credential' };
      return { errcode: 0, errmsg: 'ok', ...(await issue()) };
    }
    if (path === '/cgi-bin/token') {
      if (rec.query.secret !== SECRET) return { errcode: 40125, errmsg: 'invalid appsecret' };
      return issue(); // OA success has no errcode
    }
    const token = rec.query.access_token;
    const needsToken = path.startsWith('/cgi-bin/');
    if (needsToken && !token) return { errcode: 41001, errmsg: 'access_token missing' };
    if (needsToken && token !== live) return { errcode: revoked.get(token!) ?? 40014, errmsg: 'invalid access_token' };
    const a = answers.get(path);
    return { errcode: 0, errmsg: 'ok', ...(typeof a === 'function' ? a(rec) : a) };
  });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  fake.url = address;
  return fake;
}

/** A pino logger writing into `lines` (to check what clients log). */
export function captureLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}
