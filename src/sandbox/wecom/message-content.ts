// Message bodies shared by send_welcome_msg, add_msg_template and group welcome templates:
// `text` plus `attachments` (image/link/miniprogram/video/file), with media checks.
import type { Corp, MessageContent } from '../store/model.ts';
import type { SandboxStore } from '../store/store.ts';
import { invalid, maxBytes, optObject, optString } from './input.ts';
import { isUploadedImageUrl, liveMedia } from './media-ref.ts';
import { fail } from './route.ts';
import type { Json } from './route.ts';

export interface ContentRules {
  textMaxBytes: number;
  maxAttachments: number;
}

/** Validates one attachment body of the given type; returns it normalised. */
export function readAttachment(store: SandboxStore, corp: Corp, msgtype: string, a: Json, where: string): Json {
  switch (msgtype) {
    case 'image': {
      const mediaId = optString(a, 'media_id');
      const picUrl = optString(a, 'pic_url');
      if (mediaId) return { media_id: liveMedia(store, corp, mediaId).mediaId };
      if (picUrl && isUploadedImageUrl(corp, picUrl)) return { pic_url: picUrl };
      return invalid(`${where}.image`, 'needs a media_id or a pic_url from media/uploadimg');
    }
    case 'link': {
      const title = optString(a, 'title');
      const url = optString(a, 'url');
      if (!title || !url) return invalid(`${where}.link`, 'title and url are required');
      maxBytes(`${where}.link.title`, title, 128);
      maxBytes(`${where}.link.desc`, optString(a, 'desc'), 512);
      return { title, url, picurl: optString(a, 'picurl') ?? '', desc: optString(a, 'desc') ?? '' };
    }
    case 'miniprogram': {
      const title = optString(a, 'title');
      const pic = optString(a, 'pic_media_id');
      const appid = optString(a, 'appid');
      const page = optString(a, 'page');
      if (!title || !pic || !appid || !page) return invalid(`${where}.miniprogram`, 'title, pic_media_id, appid and page are required');
      maxBytes(`${where}.miniprogram.title`, title, 64);
      liveMedia(store, corp, pic);
      return { title, pic_media_id: pic, appid, page };
    }
    case 'video':
    case 'file':
      return { media_id: liveMedia(store, corp, a.media_id).mediaId };
    default:
      return fail(41065, `invalid attachment type ${msgtype}`);
  }
}

export function readMessageContent(store: SandboxStore, corp: Corp, body: Json, rules: ContentRules): MessageContent {
  const text = optObject(body, 'text');
  const content = text ? (optString(text, 'content') ?? '') : '';
  maxBytes('text.content', content, rules.textMaxBytes);
  const raw = body.attachments;
  if (raw !== undefined && raw !== null && !Array.isArray(raw)) invalid('attachments', 'must be a list');
  const list = (raw ?? []) as unknown[];
  if (list.length > rules.maxAttachments) invalid('attachments', `at most ${rules.maxAttachments}`);
  const attachments = list.map((item, i) => {
    if (!item || typeof item !== 'object') return invalid(`attachments.${i}`, 'must be an object');
    const msgtype = optString(item as Json, 'msgtype') ?? '';
    const inner = optObject(item as Json, msgtype) ?? {};
    return { msgtype, [msgtype]: readAttachment(store, corp, msgtype, inner, `attachments.${i}`) };
  });
  if (!content && !attachments.length) fail(44004, 'empty content: text and attachments cannot both be empty');
  return { ...(content ? { text: { content } } : {}), attachments };
}
