// Temporary media (素材, reference §9.2 "poster image for custom image messages"): multipart field
// `media`, types image (≤10 MB JPG/PNG/GIF/BMP), voice (≤2 MB AMR/MP3), video (≤10 MB MP4), thumb
// (≤64 KB JPG); valid 3 days. A thumb answers `thumb_media_id`. Errors 40004 type, 41005 no file,
// 40005 format, 40009–40012 size, 40007 unknown or expired media_id.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { SandboxDeps } from '../deps.ts';
import type { Media } from '../store/model.ts';
import type { OfficialAccount } from '../store/oa-model.ts';
import { oaFail } from './errors.ts';
import { oaRoute } from './route.ts';
import type { OaContext } from './route.ts';

const KB = 1024;
const MB = 1024 * KB;
export const OA_MULTIPART_FILE_LIMIT = 10 * MB + 1;

type OaMediaType = 'image' | 'voice' | 'video' | 'thumb';

const head = (b: Buffer, n: number) => b.subarray(0, n);
const isJpeg = (b: Buffer) => head(b, 3).equals(Buffer.from([0xff, 0xd8, 0xff]));
const isPng = (b: Buffer) => head(b, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
const isGif = (b: Buffer) => head(b, 4).toString('latin1') === 'GIF8';
const isBmp = (b: Buffer) => head(b, 2).toString('latin1') === 'BM';
const isMp3 = (b: Buffer) => head(b, 3).toString('latin1') === 'ID3' || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0);

const RULES: Record<OaMediaType, { max: number; code: number; ok: (b: Buffer) => boolean; contentType: (b: Buffer) => string }> = {
  image: { max: 10 * MB, code: 40009, ok: (b) => isJpeg(b) || isPng(b) || isGif(b) || isBmp(b), contentType: (b) => (isPng(b) ? 'image/png' : isGif(b) ? 'image/gif' : isBmp(b) ? 'image/bmp' : 'image/jpeg') },
  voice: { max: 2 * MB, code: 40010, ok: (b) => head(b, 5).toString('latin1') === '#!AMR' || isMp3(b), contentType: (b) => (isMp3(b) ? 'audio/mpeg' : 'audio/amr') },
  video: { max: 10 * MB, code: 40011, ok: (b) => b.subarray(4, 8).toString('latin1') === 'ftyp', contentType: () => 'video/mp4' },
  thumb: { max: 64 * KB, code: 40012, ok: isJpeg, contentType: () => 'image/jpeg' },
};

/** A media_id the account uploaded that has not expired; 40007 otherwise. */
export function liveOaMedia(deps: SandboxDeps, oa: OfficialAccount, mediaId: string | undefined): Media {
  const m = mediaId ? oa.media[mediaId] : undefined;
  if (!m || deps.store.nowSec() >= m.createdAt + deps.store.limits.oa.mediaTtlSec) oaFail(40007, `invalid media_id ${mediaId ?? ''}`);
  return m;
}

async function readFile(ctx: OaContext): Promise<{ filename: string; bytes: Buffer }> {
  if (!ctx.req.isMultipart()) oaFail(41005, 'media data missing: send multipart/form-data with a field named media');
  try {
    for await (const part of ctx.req.files()) {
      const bytes = await part.toBuffer();
      if (part.fieldname === 'media') return { filename: part.filename, bytes };
    }
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') oaFail(40006, 'invalid media size: file too large');
    throw e;
  }
  return oaFail(41005, 'media data missing: no multipart field named media');
}

function pruneMedia(deps: SandboxDeps, oa: OfficialAccount): void {
  const horizon = deps.store.nowSec() - deps.store.limits.oa.mediaTtlSec - 86400;
  for (const [id, m] of Object.entries(oa.media)) if (m.createdAt < horizon) delete oa.media[id];
}

export function registerOaMedia(fastify: FastifyInstance, deps: SandboxDeps): void {
  oaRoute(fastify, deps, 'POST', '/cgi-bin/media/upload', async (ctx) => {
    const type = ctx.query.type as OaMediaType | undefined;
    if (!type || !(type in RULES)) oaFail(40004, `invalid media type ${type ?? ''}`);
    const { filename, bytes } = await readFile(ctx);
    const rule = RULES[type];
    if (bytes.length === 0) oaFail(41005);
    if (bytes.length > rule.max) oaFail(rule.code, `invalid ${type} size: larger than ${rule.max / KB} KB`);
    if (!rule.ok(bytes)) oaFail(40005, `invalid file type for ${type}`);
    pruneMedia(ctx.deps, ctx.oa);
    const mediaId = randomBytes(48).toString('base64url');
    const createdAt = ctx.deps.store.nowSec();
    ctx.oa.media[mediaId] = { mediaId, type: type === 'thumb' ? 'image' : type, filename: filename || 'media', contentType: rule.contentType(bytes), size: bytes.length, createdAt, permanent: false };
    ctx.deps.store.media.put(mediaId, bytes);
    return { type, [type === 'thumb' ? 'thumb_media_id' : 'media_id']: mediaId, created_at: createdAt };
  });
}
