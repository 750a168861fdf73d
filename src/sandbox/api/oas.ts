// Official Accounts through the sandbox API: provisioning like mp.weixin.qq.com (server configuration
// with its URL check, templates, whitelist, OAuth domains) and inspection (followers, QR codes,
// messages).
import { randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { plainSignature } from '../../wechat/protocol/signature.ts';
import type { UrlVerification } from '../callbacks/dispatcher.ts';
import type { SandboxDeps } from '../deps.ts';
import { userInfo } from '../oa/users.ts';
import type { OaCallbackSettings, OfficialAccount } from '../store/oa-model.ts';
import { addTemplate, createOa, setOaCallback, updateOa } from '../store/oa-provision.ts';
import type { OaInput } from '../store/oa-provision.ts';
import { ApiError, apiRoute, parse, requireOa } from './http.ts';
import { oaCallbackSchema, oaPatchSchema, oaSchema, templateSchema } from './oa-pay-schemas.ts';
import { oaQrView, oaView } from './oa-views.ts';

/** mp.weixin.qq.com's check on saving the server URL: a plain echostr, in plain and safe mode alike. */
export function verifyOaUrl(deps: SandboxDeps, settings: OaCallbackSettings): Promise<UrlVerification> {
  const expected = String(randomInt(1_000_000_000, 9_999_999_999));
  if (!settings.url) return Promise.resolve({ ok: false, expected, error: 'no callback URL configured' });
  const timestamp = String(deps.store.nowSec());
  const nonce = String(randomInt(100_000_000, 2_000_000_000));
  return deps.dispatcher.checkEcho(settings.url, { signature: plainSignature(settings.token, timestamp, nonce), timestamp, nonce, echostr: expected }, expected);
}

export function registerOas(fastify: FastifyInstance, deps: SandboxDeps): void {
  const { store } = deps;
  const oaOf = (req: { params: unknown }): OfficialAccount => requireOa(deps, (req.params as { appid: string }).appid);

  apiRoute(fastify, deps, 'GET', '/oas', () => ({ oas: Object.values(store.data.oas).map((oa) => oaView(deps, oa)) }));
  apiRoute(fastify, deps, 'POST', '/oas', (req, reply) => reply.code(201).send(oaView(deps, createOa(store, parse(oaSchema, req.body) as OaInput))));
  apiRoute(fastify, deps, 'GET', '/oas/:appid', (req) => oaView(deps, oaOf(req)));
  apiRoute(fastify, deps, 'PATCH', '/oas/:appid', (req) => {
    const oa = oaOf(req);
    updateOa(oa, parse(oaPatchSchema, req.body) as Parameters<typeof updateOa>[1]);
    return oaView(deps, oa);
  });

  apiRoute(fastify, deps, 'PUT', '/oas/:appid/callback', async (req) => {
    const oa = oaOf(req);
    const { verify, ...input } = parse(oaCallbackSchema, req.body);
    const previous = oa.callback;
    const next = setOaCallback(oa, input as Partial<OaCallbackSettings>);
    if (verify) {
      const check = await verifyOaUrl(deps, next);
      if (!check.ok) {
        oa.callback = previous;
        throw new ApiError(409, 'conflict', `server URL verification failed: ${check.error ?? `HTTP ${check.status}, body ${JSON.stringify(check.body)}`}`);
      }
    }
    return { callback: oa.callback };
  });
  apiRoute(fastify, deps, 'POST', '/oas/:appid/callback/verify', (req) => verifyOaUrl(deps, oaOf(req).callback));

  apiRoute(fastify, deps, 'POST', '/oas/:appid/templates', (req, reply) => reply.code(201).send(addTemplate(oaOf(req), parse(templateSchema, req.body) as Parameters<typeof addTemplate>[1])));

  const page = z.object({ limit: z.coerce.number().int().min(1).max(1000).optional() });
  apiRoute(fastify, deps, 'GET', '/oas/:appid/qrcodes', (req) => {
    const { limit } = parse(page, req.query);
    return { qrcodes: Object.values(oaOf(req).qrCodes).slice(-(limit ?? 100)).map((qr) => oaQrView(deps, qr)) };
  });
  apiRoute(fastify, deps, 'GET', '/oas/:appid/followers', (req) => {
    const oa = oaOf(req);
    const { limit } = parse(page, req.query);
    return {
      followers: Object.values(oa.followers)
        .slice(-(limit ?? 100))
        .map((f) => ({ personId: f.personId, ...userInfo(deps, oa, f.openid), refuseTemplates: f.refuseTemplates, windows: f.windows })),
    };
  });
  const messagesQuery = z.object({ openid: z.string().optional(), kind: z.string().optional(), limit: z.coerce.number().int().min(1).max(1000).optional() });
  apiRoute(fastify, deps, 'GET', '/oas/:appid/messages', (req) => {
    const q = parse(messagesQuery, req.query);
    const rows = oaOf(req).messages.filter((m) => (!q.openid || m.openid === q.openid) && (!q.kind || m.kind === q.kind));
    return { messages: rows.slice(-(q.limit ?? 100)) };
  });
}
