// Messages as the phone page draws them: every kind (WeCom welcome and group-send contents, OA
// customer-service, template, passive reply, red packet, the user's own words) flattened into bubbles
// of typed parts, with media ids turned into image URLs.
import type { SandboxDeps } from '../deps.ts';
import type { SandboxMessage } from '../store/model.ts';
import type { OaMessage } from '../store/oa-model.ts';
import { mediaUrl } from '../urls.ts';

export type Part =
  | { type: 'text'; text: string }
  | { type: 'image'; url: string }
  | { type: 'link'; title: string; desc: string; url: string; picurl: string }
  | { type: 'miniprogram'; title: string; appid: string; page: string; picurl: string }
  | { type: 'file'; name: string }
  | { type: 'template'; title: string; text: string; url?: string }
  | { type: 'redpack'; mchId: string; billno: string; wishing: string; actName: string; sendName: string; amount: number; status: string };

export interface Bubble {
  id: string;
  at: number;
  /** in: to the person; out: the person's own; system: WeChat's notice. */
  dir: 'in' | 'out' | 'system';
  /** Who spoke, in group chats. */
  sender?: string;
  parts: Part[];
}

type Json = Record<string, unknown>;
const s = (v: unknown) => (typeof v === 'string' ? v : '');
const o = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});

function mediaPart(deps: SandboxDeps, type: string, body: Json): Part[] {
  const image = (id: string) => ({ type: 'image' as const, url: mediaUrl(deps.store, id) });
  switch (type) {
    case 'text':
      return [{ type: 'text', text: s(body.content) }];
    case 'image':
      return [s(body.pic_url) ? { type: 'image', url: s(body.pic_url) } : image(s(body.media_id))];
    case 'link':
      return [{ type: 'link', title: s(body.title), desc: s(body.desc), url: s(body.url), picurl: s(body.picurl) }];
    case 'news':
      return (Array.isArray(body.articles) ? body.articles : []).map((a) => {
        const x = o(a);
        return { type: 'link' as const, title: s(x.title), desc: s(x.description), url: s(x.url), picurl: s(x.picurl) };
      });
    case 'miniprogram':
    case 'miniprogrampage': {
      const pic = s(body.pic_media_id) || s(body.thumb_media_id);
      return [{ type: 'miniprogram', title: s(body.title), appid: s(body.appid), page: s(body.page) || s(body.pagepath), picurl: pic ? mediaUrl(deps.store, pic) : '' }];
    }
    default:
      return [{ type: 'file', name: `[${type}]` }];
  }
}

/** A WeCom message body: `text` + attachments (welcome, group-send) or `{msgtype, …}` (app message). */
export function wecomParts(deps: SandboxDeps, m: SandboxMessage): Part[] {
  const c = m.content as Json;
  const parts: Part[] = [];
  if (s(o(c.text).content)) parts.push({ type: 'text', text: s(o(c.text).content) });
  for (const a of Array.isArray(c.attachments) ? c.attachments : []) {
    const type = s(o(a).msgtype);
    parts.push(...mediaPart(deps, type, o(o(a)[type])));
  }
  return parts;
}

export function oaBubble(deps: SandboxDeps, m: OaMessage, redpackStatus: (mchId: string, billno: string) => string): Bubble {
  const c = m.content;
  const base = { id: m.id, at: m.at };
  switch (m.kind) {
    case 'notice':
      return { ...base, dir: 'system', parts: [{ type: 'text', text: s(c.text) }] };
    case 'template':
      return { ...base, dir: 'in', parts: [{ type: 'template', title: s(c.title), text: s(c.text), ...(s(c.url) ? { url: s(c.url) } : {}) }] };
    case 'redpack':
      return {
        ...base,
        dir: 'in',
        parts: [{ type: 'redpack', mchId: s(c.mch_id), billno: s(c.mch_billno), wishing: s(c.wishing), actName: s(c.act_name), sendName: s(c.send_name), amount: Number(c.amount), status: redpackStatus(s(c.mch_id), s(c.mch_billno)) }],
      };
    default: {
      const type = s(c.msgtype);
      return { ...base, dir: m.kind === 'user' ? 'out' : 'in', parts: mediaPart(deps, type, o(c[type])) };
    }
  }
}
