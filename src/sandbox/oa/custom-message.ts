// Customer-service messages (reference §6.6): only inside a window the user opened (follow/scan:
// 3 within a minute; a message: 20 within 48 h) ⇒ 45015 outside, 45047 when used up; unknown openid
// 40003, bad msgtype 40008, unknown media 40007. What is sent shows up in the person's chat.
import type { FastifyInstance } from 'fastify';
import type { SandboxDeps } from '../deps.ts';
import type { OfficialAccount } from '../store/oa-model.ts';
import { oaFail } from './errors.ts';
import { liveOaMedia } from './media.ts';
import { logOaMessage } from './messages.ts';
import { personByOpenid } from './openids.ts';
import { oaRoute } from './route.ts';
import type { Json } from './route.ts';
import { useWindow } from './windows.ts';

const TYPES = ['text', 'image', 'voice', 'video', 'music', 'news', 'mpnews', 'mpnewsarticle', 'msgmenu', 'wxcard', 'miniprogrampage'] as const;

const obj = (v: unknown): Json | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

function checkContent(deps: SandboxDeps, oa: OfficialAccount, type: string, c: Json | undefined): void {
  if (!c) oaFail(47001, `data format error: ${type} must be an object`);
  switch (type) {
    case 'text':
      if (!str(c.content)) oaFail(44004);
      return;
    case 'image':
    case 'voice':
      liveOaMedia(deps, oa, str(c.media_id));
      return;
    case 'news': {
      const articles = c.articles;
      if (!Array.isArray(articles) || articles.length === 0) oaFail(44003);
      if (articles.length > 1) oaFail(45008, 'article size out of limit: one article per message');
      if (!str((obj(articles[0]) ?? {}).title)) oaFail(47001, 'data format error: articles[0].title is required');
      return;
    }
    case 'miniprogrampage':
      for (const k of ['title', 'appid', 'pagepath', 'thumb_media_id']) if (!str(c[k])) oaFail(47001, `data format error: miniprogrampage.${k} is required`);
      return;
    default:
      return;
  }
}

export function registerOaCustomMessage(fastify: FastifyInstance, deps: SandboxDeps): void {
  const { store } = deps;
  oaRoute(fastify, deps, 'POST', '/cgi-bin/message/custom/send', ({ oa, body }) => {
    const touser = str(body.touser);
    if (!touser || !personByOpenid(store, oa, touser)) oaFail(40003, `invalid openid ${touser ?? ''}`);
    const type = str(body.msgtype);
    if (!type || !(TYPES as readonly string[]).includes(type)) oaFail(40008, `invalid message type ${type ?? ''}`);
    const content = obj(body[type]);
    checkContent(deps, oa, type, content);
    const follower = oa.followers[touser];
    const verdict = follower ? useWindow(store, follower) : 45015;
    if (verdict) oaFail(verdict);
    logOaMessage(store, oa, { kind: 'custom', openid: touser, content: { msgtype: type, [type]: content } });
    return {};
  }, { envelope: true });
}
