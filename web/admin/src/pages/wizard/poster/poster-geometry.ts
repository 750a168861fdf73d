// Poster template geometry, as src/domain/poster/template.ts defines it (the server re-checks
// every save): a frame 750 design units wide, as tall as the background's aspect ratio makes it.
import type { PosterTemplate } from '../../../api/campaign-types.ts';

export const FRAME_WIDTH = 750;
export const DEFAULT_FRAME_HEIGHT = 1334;
export const NICKNAME_LINE_HEIGHT = 1.4;
export const LIMITS = {
  avatarSize: [20, FRAME_WIDTH],
  qrSize: [100, FRAME_WIDTH],
  nicknameWidth: [20, FRAME_WIDTH],
  fontSize: [12, 120],
} as const;

export type Element = 'avatar' | 'nickname' | 'qr';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const frameHeightOf = (bg: PosterTemplate['background']): number => (bg ? (bg.height * FRAME_WIDTH) / bg.width : DEFAULT_FRAME_HEIGHT);

export function boxOf(t: PosterTemplate, el: Element): Box {
  if (el === 'avatar') return { x: t.avatar.x, y: t.avatar.y, w: t.avatar.size, h: t.avatar.size };
  if (el === 'qr') return { x: t.qr.x, y: t.qr.y, w: t.qr.size, h: t.qr.size };
  return { x: t.nickname.x, y: t.nickname.y, w: t.nickname.maxWidth, h: Math.ceil(t.nickname.fontSize * NICKNAME_LINE_HEIGHT) };
}

export const clamp = (v: number, min: number, max: number) => Math.min(Math.max(v, min), Math.max(min, max));

/** The template's starting layout (same as the server's default): avatar and name bottom-left, QR bottom-right. */
export function defaultPosterTemplate(background: PosterTemplate['background'] = null): PosterTemplate {
  const bottom = Math.floor(frameHeightOf(background));
  const margin = 40;
  const qrSize = 200;
  const avatarSize = 100;
  const avatarY = bottom - margin - qrSize / 2 - avatarSize / 2;
  return {
    version: 1,
    background,
    avatar: { show: true, shape: 'circle', size: avatarSize, x: margin, y: avatarY },
    nickname: {
      show: true, fontSize: 32, fontWeight: 'bold', color: '#333333', align: 'left',
      x: margin + avatarSize + 20, y: avatarY + Math.round((avatarSize - 32 * NICKNAME_LINE_HEIGHT) / 2),
      maxWidth: FRAME_WIDTH - 2 * margin - avatarSize - 20 - qrSize - 20,
    },
    qr: { size: qrSize, x: FRAME_WIDTH - margin - qrSize, y: bottom - margin - qrSize },
  };
}

export type Problem = { element: Element; kind: 'outside' } | { element: Element; kind: 'overlapsQr' };

/** What the server would refuse: an element outside the frame, or anything over the QR code. */
export function posterProblems(t: PosterTemplate): Problem[] {
  const frameH = frameHeightOf(t.background);
  const shown: Element[] = ['qr', ...(t.avatar.show ? (['avatar'] as const) : []), ...(t.nickname.show ? (['nickname'] as const) : [])];
  const out: Problem[] = [];
  for (const el of shown) {
    const b = boxOf(t, el);
    if (b.x + b.w > FRAME_WIDTH || b.y + b.h > frameH) out.push({ element: el, kind: 'outside' });
  }
  const q = boxOf(t, 'qr');
  for (const el of shown.slice(1)) {
    const b = boxOf(t, el);
    if (b.x < q.x + q.w && q.x < b.x + b.w && b.y < q.y + q.h && q.y < b.y + b.h) out.push({ element: el, kind: 'overlapsQr' });
  }
  return out;
}

/** Keeps every shown element inside the frame after the background (and so the frame) changed. */
export function fitToFrame(t: PosterTemplate): PosterTemplate {
  const frameH = Math.floor(frameHeightOf(t.background));
  const fit = (x: number, y: number, w: number, h: number) => ({ x: clamp(x, 0, FRAME_WIDTH - w), y: clamp(y, 0, frameH - h) });
  const nh = Math.ceil(t.nickname.fontSize * NICKNAME_LINE_HEIGHT);
  return {
    ...t,
    avatar: { ...t.avatar, ...fit(t.avatar.x, t.avatar.y, t.avatar.size, t.avatar.size) },
    nickname: { ...t.nickname, ...fit(t.nickname.x, t.nickname.y, t.nickname.maxWidth, nh) },
    qr: { ...t.qr, ...fit(t.qr.x, t.qr.y, t.qr.size, t.qr.size) },
  };
}
