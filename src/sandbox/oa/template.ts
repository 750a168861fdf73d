// Template messages (reference §6.7): to followers only (43004 otherwise), known template_id (40037),
// `client_msg_id` makes a repeat within 10 minutes a no-op answering the first msgid. After sending,
// the account gets TEMPLATESENDJOBFINISH with `success`, or `failed:user block` when the user turned
// the account's notifications off.
import type { FastifyInstance } from 'fastify';
import type { SandboxDeps } from '../deps.ts';
import type { OaTemplate } from '../store/oa-model.ts';
import { oaFail } from './errors.ts';
import { emitOaEvent } from './events.ts';
import { logOaMessage } from './messages.ts';
import { personByOpenid } from './openids.ts';
import { oaRoute } from './route.ts';
import type { Json } from './route.ts';

const CLIENT_ID_TTL_SEC = 600;

/** The template text with `{{name.DATA}}` replaced by `data.name.value`. */
export function renderTemplate(t: OaTemplate, data: Json): string {
  return t.content.replace(/\{\{\s*([A-Za-z0-9_]+)\.DATA\s*\}\}/g, (_m, k: string) => {
    const v = data[k];
    return v && typeof v === 'object' && typeof (v as Json).value === 'string' ? ((v as Json).value as string) : '';
  });
}

export function registerOaTemplate(fastify: FastifyInstance, deps: SandboxDeps): void {
  const { store } = deps;
  oaRoute(fastify, deps, 'POST', '/cgi-bin/message/template/send', ({ oa, body }) => {
    const touser = typeof body.touser === 'string' ? body.touser : '';
    if (!personByOpenid(store, oa, touser)) oaFail(40003, `invalid openid ${touser}`);
    const template = typeof body.template_id === 'string' ? oa.templates[body.template_id] : undefined;
    if (!template) oaFail(40037);
    const data = body.data ?? {};
    if (typeof data !== 'object' || Array.isArray(data)) oaFail(47001, 'data format error: data must be an object');
    const follower = oa.followers[touser];
    if (!follower?.subscribed) oaFail(43004);
    const now = store.nowSec();
    for (const [k, v] of Object.entries(oa.templateClientIds)) if (v.at + CLIENT_ID_TTL_SEC <= now) delete oa.templateClientIds[k];
    const clientKey = typeof body.client_msg_id === 'string' && body.client_msg_id ? `${touser}|${body.client_msg_id}` : undefined;
    const seen = clientKey ? oa.templateClientIds[clientKey] : undefined;
    if (seen) return { msgid: seen.msgid };
    const msgid = 200_000_000 + store.nextSeq();
    if (clientKey) oa.templateClientIds[clientKey] = { msgid, at: now };
    const blocked = follower.refuseTemplates;
    if (!blocked) {
      const mini = body.miniprogram && typeof body.miniprogram === 'object' ? body.miniprogram : undefined;
      logOaMessage(store, oa, {
        kind: 'template',
        openid: touser,
        content: { msgid, template_id: template.templateId, title: template.title, text: renderTemplate(template, data as Json), ...(typeof body.url === 'string' ? { url: body.url } : {}), ...(mini ? { miniprogram: mini } : {}) },
      });
    }
    emitOaEvent(deps, oa, touser, { event: 'TEMPLATESENDJOBFINISH', msgId: msgid, status: blocked ? 'failed:user block' : 'success' });
    return { msgid };
  }, { envelope: true });
}
