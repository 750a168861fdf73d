// One WeCom API endpoint: access-token check (41001/40014/42001), trusted IP (60020), frequency
// limits (45009), customer-contact permission (48002/84074), then the handler. Every outcome is
// HTTP 200 with errcode/errmsg, like qyapi.weixin.qq.com.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxDeps } from '../deps.ts';
import { BAD_JSON } from '../json-body.ts';
import type { App, Corp } from '../store/model.ts';
import { ERRMSG, WecomError, errmsgWithSuffix } from './errors.ts';

/** Returned by a handler that wrote the reply itself (binary downloads). */
export const REPLIED = Symbol('replied');

export type Json = Record<string, unknown>;

export interface WecomContext {
  deps: SandboxDeps;
  corp: Corp;
  app: App;
  body: Json;
  query: Record<string, string | undefined>;
  ip: string;
  req: FastifyRequest;
  reply: FastifyReply;
}

export type WecomHandler = (ctx: WecomContext) => Json | typeof REPLIED | Promise<Json | typeof REPLIED>;

export interface RouteOptions {
  /** Customer-contact APIs need the contact secret or an app allowed to call them. */
  customerContact?: boolean;
  /** errmsg on success ("ok" for most; uploads answer ""). */
  okMessage?: string;
}

export function sendWecom(deps: SandboxDeps, req: FastifyRequest, reply: FastifyReply, e: unknown): FastifyReply {
  if (!(e instanceof WecomError)) {
    req.log.error({ err: e }, 'sandbox wecom handler failed');
    return reply.send({ errcode: -1, errmsg: errmsgWithSuffix(-1, 'system busy', req.ip, deps.store.nowSec()) });
  }
  return reply.send({ errcode: e.errcode, errmsg: errmsgWithSuffix(e.errcode, e.message, req.ip, deps.store.nowSec()) });
}

export function fail(errcode: number, message = ERRMSG[errcode] ?? 'error'): never {
  throw new WecomError(errcode, message);
}

function authenticate(deps: SandboxDeps, req: FastifyRequest, api: string): { corp: Corp; app: App } {
  const token = (req.query as Record<string, string | undefined>).access_token;
  if (!token) fail(41001);
  const rec = deps.store.data.tokens[token];
  if (!rec) fail(40014);
  if (rec.revoked) fail(rec.revoked);
  if (deps.store.nowSec() >= rec.expiresAt) fail(42001);
  const corp = deps.store.data.corps[rec.corpid];
  const app = corp?.apps[rec.appKey];
  if (!corp || !app) fail(40014);
  checkIp(app, req.ip);
  if (!deps.limiter.hit('corp', corp.corpid, api) || !deps.limiter.hit('ip', req.ip, api)) fail(45009);
  return { corp, app };
}

export function checkIp(app: App, ip: string): void {
  if (app.trustedIps.length && !app.trustedIps.includes(ip)) fail(60020, `not allow to access from your ip, from ip: ${ip}`);
}

export function wecomRoute(
  fastify: FastifyInstance,
  deps: SandboxDeps,
  method: 'GET' | 'POST',
  path: string,
  handler: WecomHandler,
  opts: RouteOptions = {},
): void {
  const api = path.replace(/^\/cgi-bin\//, '');
  fastify.route({
    method,
    url: path,
    handler: async (req, reply) => {
      try {
        const { corp, app } = authenticate(deps, req, api);
        if (opts.customerContact && !(app.kind === 'contact' || app.customerContact)) fail(48002);
        if (req.body === BAD_JSON) fail(47001);
        const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Json;
        const query = req.query as Record<string, string | undefined>;
        const result = await handler({ deps, corp, app, body, query, ip: req.ip, req, reply });
        if (result === REPLIED) return reply;
        if (method === 'POST') deps.store.changed();
        return reply.send({ errcode: 0, errmsg: opts.okMessage ?? 'ok', ...result });
      } catch (e) {
        return sendWecom(deps, req, reply, e);
      }
    },
  });
}
