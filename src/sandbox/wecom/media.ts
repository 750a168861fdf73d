// Media, reference §5: media/upload (multipart field `media`, media_id valid 3 days, created_at a
// string), media/uploadimg (permanent URL, daily/monthly quota) and media/get.
import { randomBytes } from 'node:crypto';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { shanghaiDay } from '../clock.ts';
import type { SandboxDeps } from '../deps.ts';
import type { Corp, Media } from '../store/model.ts';
import { mediaUrl } from '../urls.ts';
import { liveMedia } from './media-ref.ts';
import { REPLIED, fail, wecomRoute } from './route.ts';
import type { WecomContext } from './route.ts';

const MB = 1024 * 1024;
export const MULTIPART_FILE_LIMIT = 20 * MB + 1;

const SIZE_LIMITS: Record<Media['type'], { max: number; code: number }> = {
  image: { max: 10 * MB, code: 40009 },
  voice: { max: 2 * MB, code: 40006 },
  video: { max: 10 * MB, code: 40011 },
  file: { max: 20 * MB, code: 40006 },
};

const isImage = (b: Buffer) => b.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])) || b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
const FORMAT_CHECKS: Record<Media['type'], (b: Buffer) => boolean> = {
  image: isImage,
  voice: (b) => b.subarray(0, 5).toString('latin1') === '#!AMR',
  video: (b) => b.subarray(4, 8).toString('latin1') === 'ftyp',
  file: () => true,
};

async function readMediaPart(ctx: WecomContext): Promise<{ part: MultipartFile; bytes: Buffer }> {
  if (!ctx.req.isMultipart()) fail(44001, 'empty media data: send multipart/form-data with a field named media');
  try {
    for await (const part of ctx.req.files()) {
      const bytes = await part.toBuffer();
      if (part.fieldname === 'media') return { part, bytes };
    }
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') fail(45001, 'media file too large');
    throw e;
  }
  return fail(44001, 'empty media data: no multipart field named media');
}

function storeMedia(ctx: WecomContext, corp: Corp, m: Omit<Media, 'mediaId' | 'createdAt'>, bytes: Buffer, prefix: string): Media {
  const media: Media = { mediaId: `${prefix}${randomBytes(30).toString('base64url')}`, createdAt: ctx.deps.store.nowSec(), ...m };
  corp.media[media.mediaId] = media;
  ctx.deps.store.media.put(media.mediaId, bytes);
  return media;
}

export function registerMedia(fastify: FastifyInstance, deps: SandboxDeps): void {
  const { store } = deps;

  wecomRoute(fastify, deps, 'POST', '/cgi-bin/media/upload', async (ctx) => {
    const type = ctx.query.type as Media['type'] | undefined;
    if (!type || !(type in SIZE_LIMITS)) fail(40004, `invalid media type ${type ?? ''}`);
    const { part, bytes } = await readMediaPart(ctx);
    if (bytes.length <= 5) fail(40006, 'invalid file size: files must be larger than 5 bytes');
    const limit = SIZE_LIMITS[type];
    if (bytes.length > limit.max) fail(limit.code, `${type} larger than ${limit.max / MB} MB`);
    if (!FORMAT_CHECKS[type](bytes)) fail(40005, `invalid file type for ${type}`);
    const m = storeMedia(ctx, ctx.corp, { type, filename: part.filename || 'media', contentType: part.mimetype, size: bytes.length, permanent: false }, bytes, '3');
    return { type, media_id: m.mediaId, created_at: String(m.createdAt) };
  }, { okMessage: '' });

  wecomRoute(fastify, deps, 'POST', '/cgi-bin/media/uploadimg', async (ctx) => {
    const { part, bytes } = await readMediaPart(ctx);
    if (bytes.length < 5 || bytes.length > 2 * MB) fail(40009, 'invalid image size: 5 B to 2 MB');
    if (!isImage(bytes)) fail(40005, 'invalid file type: JPG or PNG only');
    const day = shanghaiDay(store.clock.now());
    const month = day.slice(0, 7);
    const counts = ctx.corp.uploadimgCounts;
    if ((counts[day] ?? 0) >= store.limits.uploadimgPerDay || (counts[month] ?? 0) >= store.limits.uploadimgPerMonth) fail(45009);
    ctx.corp.uploadimgCounts = { [day]: (counts[day] ?? 0) + 1, [month]: (counts[month] ?? 0) + 1 };
    const m = storeMedia(ctx, ctx.corp, { type: 'image', filename: part.filename || 'image', contentType: part.mimetype, size: bytes.length, permanent: true }, bytes, 'p');
    return { url: mediaUrl(store, m.mediaId) };
  }, { okMessage: '' });

  wecomRoute(fastify, deps, 'GET', '/cgi-bin/media/get', ({ corp, query, reply }) => {
    const m = liveMedia(store, corp, query.media_id);
    const bytes = store.media.get(m.mediaId);
    if (!bytes) fail(40007);
    void reply
      .header('content-type', m.contentType || 'application/octet-stream')
      .header('content-disposition', `attachment; filename="${encodeURIComponent(m.filename)}"`)
      .send(bytes);
    return REPLIED;
  });
}
