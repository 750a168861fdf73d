// One Official Account API endpoint (api.weixin.qq.com): access-token check (41001/40014/40001
// "not latest"/42001), IP whitelist (40164), daily quota (45009), then the handler. Every outcome is
// HTTP 200; success bodies carry errcode 0 only where WeChat's do (messages), not on data APIs.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxDeps } from '../deps.ts';
import { BAD_JSON } from '../json-body.ts';
import type { OfficialAccount } from '../store/oa-model.ts';
import { OaError, oaErrmsg, oaFail } from './errors.ts';
import { hitDailyQuota } from './quota.ts';

export type Json = Record<string, unknown>;

export interface OaContext {
  deps: SandboxDeps;
  oa: OfficialAccount;
  body: Json;
  query: Record<string, string | undefined>;
  req: FastifyRequest;
}

export type OaHandler = (ctx: OaContext) => Json | Promise<Json>;

export interface OaRouteOptions {
  /** Success answers `{errcode: 0, errmsg: "ok", …}` (message APIs) instead of bare data. */
  envelope?: boolean;
}

export function sendOaError(deps: SandboxDeps, req: FastifyRequest, reply: FastifyReply, e: unknown): FastifyReply {
  if (e instanceof OaError) return reply.send({ errcode: e.errcode, errmsg: oaErrmsg(e.message, deps.store.nowSec()) });
  req.log.error({ err: e }, 'sandbox OA handler failed');
  return reply.send({ errcode: -1, errmsg: oaErrmsg('system error', deps.store.nowSec()) });
}

export function checkOaIp(oa: OfficialAccount, ip: string): void {
  if (oa.trustedIps.length && !oa.trustedIps.includes(ip)) oaFail(40164, `invalid ip ${ip} ipv6 ::ffff:${ip}, not in whitelist`);
}

/** Answers 45009 when the AppID used up today's quota for `api`. */
export function countCall(deps: SandboxDeps, oa: OfficialAccount, api: string): void {
  if (!hitDailyQuota(deps.store, oa, api)) oaFail(45009);
}

function authenticate(deps: SandboxDeps, req: FastifyRequest): OfficialAccount {
  const token = (req.query as Record<string, string | undefined>).access_token;
  if (!token) oaFail(41001);
  const rec = deps.store.data.oaTokens[token];
  if (!rec) oaFail(40014);
  if (rec.revoked) oaFail(rec.revoked);
  const now = deps.store.nowSec();
  if (now >= rec.expiresAt) oaFail(42001);
  if (rec.supersededUntil !== undefined && now >= rec.supersededUntil) oaFail(40001);
  const oa = deps.store.data.oas[rec.appid];
  if (!oa) oaFail(40014);
  checkOaIp(oa, req.ip);
  return oa;
}

export function oaRoute(fastify: FastifyInstance, deps: SandboxDeps, method: 'GET' | 'POST', path: string, handler: OaHandler, opts: OaRouteOptions = {}): void {
  const api = path.replace(/^\/cgi-bin\//, '');
  fastify.route({
    method,
    url: path,
    handler: async (req, reply) => {
      try {
        const oa = authenticate(deps, req);
        countCall(deps, oa, api);
        if (req.body === BAD_JSON) oaFail(47001);
        const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Json;
        const result = await handler({ deps, oa, body, query: req.query as Record<string, string | undefined>, req });
        if (method === 'POST') deps.store.changed();
        return reply.send(opts.envelope ? { errcode: 0, errmsg: 'ok', ...result } : result);
      } catch (e) {
        return sendOaError(deps, req, reply, e);
      }
    },
  });
}
