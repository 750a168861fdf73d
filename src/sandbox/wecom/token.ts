// GET /cgi-bin/gettoken: one token per (corp, app secret), the same one until it expires, then a
// new one; early revocation is a test hook in the sandbox API.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { SandboxDeps } from '../deps.ts';
import type { App, Corp } from '../store/model.ts';
import { checkIp, fail, sendWecom, wecomRoute } from './route.ts';

const PRUNE_AFTER_SEC = 24 * 3600;

export function issueToken(deps: SandboxDeps, corp: Corp, app: App): { token: string; expiresIn: number } {
  const { store } = deps;
  const now = store.nowSec();
  let live: string | undefined;
  for (const [token, rec] of Object.entries(store.data.tokens)) {
    // Expired tokens are kept a day so clients get 42001 rather than 40014 for them.
    if (rec.expiresAt + PRUNE_AFTER_SEC < now) delete store.data.tokens[token];
    else if (rec.corpid === corp.corpid && rec.appKey === app.key && !rec.revoked && rec.expiresAt > now) live = token;
  }
  if (live) return { token: live, expiresIn: (store.data.tokens[live]?.expiresAt ?? now) - now };
  const token = randomBytes(96).toString('base64url');
  store.data.tokens[token] = { corpid: corp.corpid, appKey: app.key, expiresAt: now + store.limits.tokenTtlSec };
  store.changed();
  return { token, expiresIn: store.limits.tokenTtlSec };
}

export function registerToken(fastify: FastifyInstance, deps: SandboxDeps): void {
  fastify.get('/cgi-bin/gettoken', async (req, reply) => {
    try {
      const q = req.query as Record<string, string | undefined>;
      if (!q.corpid) fail(41002);
      if (!q.corpsecret) fail(41004);
      const corp = deps.store.data.corps[q.corpid];
      if (!corp) fail(40013);
      const app = Object.values(corp.apps).find((a) => a.secret === q.corpsecret);
      if (!app) fail(40001);
      checkIp(app, req.ip);
      if (!deps.limiter.hit('corp', corp.corpid, 'gettoken') || !deps.limiter.hit('ip', req.ip, 'gettoken')) fail(45009);
      const { token, expiresIn } = issueToken(deps, corp, app);
      return reply.send({ errcode: 0, errmsg: 'ok', access_token: token, expires_in: expiresIn });
    } catch (e) {
      return sendWecom(deps, req, reply, e);
    }
  });

  wecomRoute(fastify, deps, 'GET', '/cgi-bin/getcallbackip', () => ({ ip_list: ['127.0.0.1'] }));
}
