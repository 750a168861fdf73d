// Template messages (reference §6.7): to followers only (43004 otherwise), known template_id (40037),
// values of the current library's typed fields within what their type takes (47003, as WeChat:
// thing ≤ 20 characters, character_string ≤ 32 letters/digits/symbols, phrase ≤ 5, name ≤ 10),
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

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\.DATA\s*\}\}/g;

/** Why WeChat would refuse this value for a field of this name, or null. */
function fieldProblem(field: string, value: string): string | null {
  const length = Array.from(value).length;
  switch (field.replace(/\d+$/, '')) {
    case 'thing':
      return length > 20 ? 'exceeds 20 characters' : null;
    case 'character_string':
      return length > 32 || /[^\x21-\x7e]/.test(value) ? 'must be at most 32 letters, digits or symbols' : null;
    case 'phrase':
      return length > 5 ? 'exceeds 5 characters' : null;
    case 'name':
      return length > 10 ? 'exceeds 10 characters' : null;
    default:
      return null;
  }
}

/** The template text with `{{name.DATA}}` replaced by `data.name.value`. */
export function renderTemplate(t: OaTemplate, data: Json): string {
  return t.content.replace(PLACEHOLDER, (_m, k: string) => {
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
    for (const [, field] of template.content.matchAll(PLACEHOLDER)) {
      const v = (data as Json)[field!];
      const value = v && typeof v === 'object' ? (v as Json).value : undefined;
      const problem = typeof value === 'string' ? fieldProblem(field!, value) : null;
      if (problem) oaFail(47003, `argument invalid! data.${field}.value ${problem}`);
    }
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
