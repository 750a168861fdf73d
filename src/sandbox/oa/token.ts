// OA access tokens (reference §6.1). /cgi-bin/token rotates: every call issues a new token and the
// previous one keeps working for tokenGraceSec (300 s), then answers 40001 "not latest".
// /cgi-bin/stable_token is a separate stream: the same token while valid, a new one on force_refresh.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SandboxDeps } from '../deps.ts';
import { BAD_JSON } from '../json-body.ts';
import type { OaTokenRecord, OfficialAccount } from '../store/oa-model.ts';
import { oaFail } from './errors.ts';
import { checkOaIp, countCall, sendOaError } from './route.ts';
import type { Json } from './route.ts';

const PRUNE_AFTER_SEC = 24 * 3600;

function pruneTokens(deps: SandboxDeps): void {
  const now = deps.store.nowSec();
  for (const [t, rec] of Object.entries(deps.store.data.oaTokens)) if (rec.expiresAt + PRUNE_AFTER_SEC < now) delete deps.store.data.oaTokens[t];
}

const live = (rec: OaTokenRecord, now: number) => !rec.revoked && now < rec.expiresAt && (rec.supersededUntil === undefined || now < rec.supersededUntil);

/** A new token of `kind`; earlier live ones of that kind stay valid for `graceSec` more. */
export function issueOaToken(deps: SandboxDeps, oa: OfficialAccount, kind: OaTokenRecord['kind'], graceSec: number): { access_token: string; expires_in: number } {
  const { store } = deps;
  const now = store.nowSec();
  pruneTokens(deps);
  for (const rec of Object.values(store.data.oaTokens)) {
    if (rec.appid === oa.appid && rec.kind === kind && live(rec, now)) rec.supersededUntil = Math.min(rec.expiresAt, now + graceSec);
  }
  const token = randomBytes(102).toString('base64url');
  store.data.oaTokens[token] = { appid: oa.appid, kind, expiresAt: now + store.limits.oa.tokenTtlSec };
  store.changed();
  return { access_token: token, expires_in: store.limits.oa.tokenTtlSec };
}

function credentials(deps: SandboxDeps, req: FastifyRequest, input: Json, api: string): OfficialAccount {
  if (input.grant_type !== 'client_credential') oaFail(40002);
  const { appid, secret } = input;
  if (!appid || typeof appid !== 'string') oaFail(41002);
  if (!secret || typeof secret !== 'string') oaFail(41004);
  const oa = deps.store.data.oas[appid];
  if (!oa) oaFail(40013);
  if (oa.secret !== secret) oaFail(40125);
  checkOaIp(oa, req.ip);
  countCall(deps, oa, api);
  return oa;
}

export function registerOaToken(fastify: FastifyInstance, deps: SandboxDeps): void {
  fastify.get('/cgi-bin/token', async (req, reply) => {
    try {
      const oa = credentials(deps, req, req.query as Json, 'token');
      return reply.send(issueOaToken(deps, oa, 'token', deps.store.limits.oa.tokenGraceSec));
    } catch (e) {
      return sendOaError(deps, req, reply, e);
    }
  });

  fastify.post('/cgi-bin/stable_token', async (req, reply) => {
    try {
      if (req.body === BAD_JSON) oaFail(47001);
      const body = (req.body ?? {}) as Json;
      const oa = credentials(deps, req, body, 'stable_token');
      const force = body.force_refresh === true;
      if (!force) {
        const now = deps.store.nowSec();
        const current = Object.entries(deps.store.data.oaTokens).find(([, r]) => r.appid === oa.appid && r.kind === 'stable' && live(r, now));
        if (current) return reply.send({ access_token: current[0], expires_in: current[1].expiresAt - now });
      }
      return reply.send(issueOaToken(deps, oa, 'stable', 0));
    } catch (e) {
      return sendOaError(deps, req, reply, e);
    }
  });
}
