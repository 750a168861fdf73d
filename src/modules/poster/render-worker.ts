// Worker-thread entry of the poster renderer (loaded by piscina from create-poster-renderer.ts).
// Backgrounds are shared by every poster of a campaign, so each thread keeps the last few decoded.
import { Image } from '@napi-rs/canvas';
import { drawPoster } from './draw-poster.ts';
import { readImageHeader } from './read-image-header.ts';
import type { PosterRenderInput } from './create-poster-renderer.ts';

const BACKGROUNDS_KEPT = 8;
/** Avatars come from WeChat (132 or 640 px); anything far bigger is refused, not decoded. */
const MAX_AVATAR_PIXELS = 4096 * 4096;

const backgrounds = new Map<string, Image>();

async function decode(bytes: Uint8Array): Promise<Image> {
  const img = new Image();
  img.src = bytes;
  await img.decode();
  return img;
}

async function background(bg: PosterRenderInput['background']): Promise<Image | null> {
  if (!bg) return null;
  let img = backgrounds.get(bg.id);
  if (img) {
    backgrounds.delete(bg.id); // re-insert: Map order is the recency order
  } else {
    img = await decode(bg.bytes);
    if (backgrounds.size >= BACKGROUNDS_KEPT) backgrounds.delete(backgrounds.keys().next().value!);
  }
  backgrounds.set(bg.id, img);
  return img;
}

/** A broken or oversized avatar must not cost the participant their poster: use the placeholder. */
async function avatar(bytes: Uint8Array | null): Promise<Image | null> {
  const header = bytes && readImageHeader(bytes);
  if (!bytes || !header || header.width * header.height > MAX_AVATAR_PIXELS) return null;
  return decode(bytes).catch(() => null);
}

export default async function renderPoster(input: PosterRenderInput): Promise<Uint8Array> {
  const [bg, av] = await Promise.all([background(input.background), avatar(input.avatar)]);
  return drawPoster({ template: input.template, background: bg, avatar: av, nickname: input.nickname, helpUrl: input.helpUrl });
}
