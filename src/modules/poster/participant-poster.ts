// A participant's poster: the campaign's own template when it has one, else the default layout
// (avatar and nickname bottom-left, the help-link QR bottom-right). Without an uploaded background
// (no template, or a template whose elements were moved but no image uploaded) the poster shows the
// campaign's offer on the default background (default-background.ts), as the editor shows it. The cache version is derived from what is drawn
// (template version or offer, nickname, avatar, help link), so a new layout, a new avatar or a
// moved public URL renders a new poster instead of serving a stale one.
import { createHash } from 'node:crypto';
import { defaultPosterTemplate, DEFAULT_FRAME_HEIGHT, FRAME_WIDTH, type PosterTemplate } from '../../domain/poster/template.ts';
import { defaultPosterBackground, type PosterOffer } from './default-background.ts';
import { getOrRenderPoster, type PosterFile } from './get-or-render-poster.ts';
import type { PosterCache } from './poster-cache.ts';

export interface PosterSubject {
  workspaceId: string;
  campaignId: number;
  participantId: number;
  nickname: string;
  avatar: string | null;
  /** What the QR code encodes: the participant's help page. */
  helpUrl: string;
  offer: PosterOffer;
  /** The campaign's template; null → the default one. */
  template: PosterTemplate | null;
}

/** The bytes of an uploaded background (get-background.ts), asked for only when a poster is drawn. */
export type BackgroundLoader = (imageId: string) => Promise<Uint8Array>;

const AVATAR_MAX_BYTES = 2 * 1024 * 1024;
const AVATAR_TIMEOUT_MS = 4000;

/** The poster's pixel size (the page reserves a box of this shape before the image arrives). */
export function participantPosterSize(template: PosterTemplate | null): { width: number; height: number } {
  const bg = template?.background;
  return bg ? { width: bg.width, height: bg.height } : { width: FRAME_WIDTH, height: DEFAULT_FRAME_HEIGHT };
}

/** A positive 31-bit number that changes whenever what the poster shows changes. */
export function participantPosterVersion(s: PosterSubject): number {
  const drawn = s.template ? ['template', s.template.version, s.template.background ? null : s.offer] : ['default', s.offer];
  const h = createHash('sha256').update(JSON.stringify([...drawn, s.nickname, s.avatar, s.helpUrl])).digest();
  return (h.readUInt32BE(0) % 2_147_483_646) + 1;
}

export function getParticipantPoster(cache: PosterCache, s: PosterSubject, loadBackground: BackgroundLoader): Promise<PosterFile> {
  const version = participantPosterVersion(s);
  const key = { workspaceId: s.workspaceId, campaignId: String(s.campaignId), participantId: String(s.participantId), version };
  return getOrRenderPoster(cache, key, async () => {
    if (s.template) {
      const ref = s.template.background;
      const drawn = ref ? { template: s.template, background: { id: ref.imageId, bytes: await loadBackground(ref.imageId) } } : onOfferBackground(s.template, s.offer);
      return {
        template: { ...drawn.template, version },
        background: drawn.background,
        avatar: await fetchAvatar(s.avatar),
        nickname: s.nickname,
        helpUrl: s.helpUrl,
      };
    }
    const bg = defaultPosterBackground(s.offer);
    return {
      template: { ...defaultPosterTemplate({ imageId: bg.id, width: bg.width, height: bg.height }), version },
      background: { id: bg.id, bytes: bg.bytes },
      avatar: await fetchAvatar(s.avatar),
      nickname: s.nickname,
      helpUrl: s.helpUrl,
    };
  });
}

/**
 * A template without an uploaded image, drawn on the offer's default background. Its frame is
 * 750×1334 (frameHeightOf(null)), the default background's size, so every element stays in place.
 */
export function onOfferBackground(template: PosterTemplate, offer: PosterOffer): { template: PosterTemplate; background: { id: string; bytes: Uint8Array } } {
  const bg = defaultPosterBackground(offer);
  return { template: { ...template, background: { imageId: bg.id, width: bg.width, height: bg.height } }, background: { id: bg.id, bytes: bg.bytes } };
}

/** The avatar's bytes, or null (the renderer draws a placeholder) when it cannot be had quickly. */
async function fetchAvatar(url: string | null): Promise<Uint8Array | null> {
  if (!url || !/^https?:\/\//i.test(url)) return null;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(AVATAR_TIMEOUT_MS), redirect: 'follow' });
    if (!res.ok) return null;
    const declared = Number(res.headers.get('content-length') ?? 0);
    if (declared > AVATAR_MAX_BYTES) return null;
    const bytes = new Uint8Array(await res.arrayBuffer());
    return bytes.byteLength <= AVATAR_MAX_BYTES ? bytes : null;
  } catch {
    return null;
  }
}
