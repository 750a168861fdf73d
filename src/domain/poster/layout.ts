// Turns a template's design units into output pixels. Posters are at most 1080 px wide (phones show
// them full-screen; bigger only costs time and bytes), otherwise the background's own width.
import { FRAME_WIDTH, DEFAULT_FRAME_HEIGHT, NICKNAME_LINE_HEIGHT, type PosterTemplate } from './template.ts';

export const MAX_OUTPUT_WIDTH = 1080;

export interface PosterLayout {
  width: number;
  height: number;
  /** Output pixels per design unit. */
  scale: number;
  avatar: { x: number; y: number; size: number; shape: 'circle' | 'square' | 'rounded'; radius: number } | null;
  nickname: {
    x: number;
    y: number;
    width: number;
    height: number;
    fontSize: number;
    bold: boolean;
    color: string;
    align: 'left' | 'center' | 'right';
  } | null;
  qr: { x: number; y: number; size: number };
}

export function layoutPoster(t: PosterTemplate): PosterLayout {
  const bg = t.background ?? { width: FRAME_WIDTH, height: DEFAULT_FRAME_HEIGHT };
  const width = Math.min(bg.width, MAX_OUTPUT_WIDTH);
  const height = Math.round((bg.height * width) / bg.width);
  const scale = width / FRAME_WIDTH;
  const px = (units: number) => Math.round(units * scale);

  const a = t.avatar;
  const avatarSize = px(a.size);
  const avatar = a.show
    ? { x: px(a.x), y: px(a.y), size: avatarSize, shape: a.shape, radius: a.shape === 'rounded' ? Math.round(avatarSize * 0.16) : 0 }
    : null;

  const n = t.nickname;
  const nickname = n.show
    ? {
        x: px(n.x),
        y: px(n.y),
        width: px(n.maxWidth),
        height: px(n.fontSize * NICKNAME_LINE_HEIGHT),
        fontSize: px(n.fontSize),
        bold: n.fontWeight === 'bold',
        color: n.color,
        align: n.align,
      }
    : null;

  return { width, height, scale, avatar, nickname, qr: { x: px(t.qr.x), y: px(t.qr.y), size: px(t.qr.size) } };
}
