// Web OAuth, the api.weixin.qq.com half (reference §6.8): trading the authorize page's code (single
// use, 5 minutes: 40029 unknown, 40163 used, 42003 expired) for a user token and openid, refreshing it
// (30 days), the user's profile (snsapi_userinfo only, 48001 for base) and checking a token.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SandboxDeps } from '../deps.ts';
import type { SnsTokenRecord } from '../store/oa-model.ts';
import { avatarUrl } from '../urls.ts';
import { oaFail } from './errors.ts';
import { openidFor, personByOpenid } from './openids.ts';
import { checkOaIp, sendOaError } from './route.ts';
import type { Json } from './route.ts';

type Query = Record<string, string | undefined>;

function newSnsToken(deps: SandboxDeps, rec: Omit<SnsTokenRecord, 'expiresAt'>, ttl: number): string {
  const { store } = deps;
  const now = store.nowSec();
  for (const [t, r] of Object.entries(store.data.snsTokens)) if (r.expiresAt + 86400 < now) delete store.data.snsTokens[t];
  const token = randomBytes(66).toString('base64url');
  store.data.snsTokens[token] = { ...rec, expiresAt: now + ttl };
  store.changed();
  return token;
}

function appCredentials(deps: SandboxDeps, req: FastifyRequest, q: Query, withSecret: boolean) {
  if (!q.appid) oaFail(41002);
  if (withSecret && !q.secret) oaFail(41004);
  const oa = deps.store.data.oas[q.appid];
  if (!oa) oaFail(40013);
  if (withSecret && oa.secret !== q.secret) oaFail(40125);
  checkOaIp(oa, req.ip);
  return oa;
}

function userToken(deps: SandboxDeps, q: Query): SnsTokenRecord {
  if (!q.access_token) oaFail(41001);
  const rec = deps.store.data.snsTokens[q.access_token];
  if (!rec || rec.kind !== 'access') oaFail(40001);
  if (deps.store.nowSec() >= rec.expiresAt) oaFail(42001);
  if (q.openid !== rec.openid) oaFail(40003, `invalid openid ${q.openid ?? ''}`);
  return rec;
}

export function registerSns(fastify: FastifyInstance, deps: SandboxDeps): void {
  const { store } = deps;
  const route = (path: string, handler: (q: Query, req: FastifyRequest) => Json) =>
    fastify.get(path, async (req, reply) => {
      try {
        return reply.send(handler(req.query as Query, req));
      } catch (e) {
        return sendOaError(deps, req, reply, e);
      }
    });

  route('/sns/oauth2/access_token', (q, req) => {
    const oa = appCredentials(deps, req, q, true);
    if (!q.code) oaFail(41008);
    if (q.grant_type !== 'authorization_code') oaFail(40002);
    const code = store.data.oauthCodes[q.code];
    if (!code || code.appid !== oa.appid) oaFail(40029);
    if (code.used) oaFail(40163);
    if (store.nowSec() >= code.issuedAt + store.limits.oa.oauthCodeTtlSec) oaFail(42003);
    const person = store.data.people[code.personId];
    if (!person) oaFail(40029);
    code.used = true;
    const openid = openidFor(oa, person);
    const rec = { appid: oa.appid, openid, scope: code.scope };
    const { snsTokenTtlSec, snsRefreshTtlSec } = store.limits.oa;
    return {
      access_token: newSnsToken(deps, { ...rec, kind: 'access' }, snsTokenTtlSec),
      expires_in: snsTokenTtlSec,
      refresh_token: newSnsToken(deps, { ...rec, kind: 'refresh' }, snsRefreshTtlSec),
      openid,
      scope: code.scope,
      ...(code.scope === 'snsapi_userinfo' && oa.openPlatform ? { unionid: person.unionid } : {}),
    };
  });

  route('/sns/oauth2/refresh_token', (q, req) => {
    const oa = appCredentials(deps, req, q, false);
    if (q.grant_type !== 'refresh_token') oaFail(40002);
    if (!q.refresh_token) oaFail(41003, 'refresh_token missing');
    const rec = store.data.snsTokens[q.refresh_token];
    if (!rec || rec.kind !== 'refresh' || rec.appid !== oa.appid) oaFail(40030);
    if (store.nowSec() >= rec.expiresAt) oaFail(42002);
    const ttl = store.limits.oa.snsTokenTtlSec;
    const access = newSnsToken(deps, { appid: rec.appid, openid: rec.openid, scope: rec.scope, kind: 'access' }, ttl);
    return { access_token: access, expires_in: ttl, refresh_token: q.refresh_token, openid: rec.openid, scope: rec.scope };
  });

  route('/sns/userinfo', (q) => {
    const rec = userToken(deps, q);
    if (rec.scope !== 'snsapi_userinfo') oaFail(48001, 'api unauthorized: the token has scope snsapi_base');
    const oa = store.data.oas[rec.appid];
    const person = oa ? personByOpenid(store, oa, rec.openid) : undefined;
    if (!oa || !person) oaFail(40003);
    return {
      openid: rec.openid,
      nickname: person.nickname,
      sex: 0,
      language: '',
      city: '',
      province: '',
      country: '',
      headimgurl: avatarUrl(store, person.avatarKey),
      privilege: [],
      ...(oa.openPlatform ? { unionid: person.unionid } : {}),
    };
  });

  route('/sns/auth', (q) => {
    userToken(deps, q);
    return { errcode: 0, errmsg: 'ok' };
  });
}
