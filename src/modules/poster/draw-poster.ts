// Draws one poster with @napi-rs/canvas and encodes it as JPEG. Synchronous: it runs inside a
// render worker thread (render-worker.ts), never on the main event loop.
import { createCanvas, type Image } from '@napi-rs/canvas';
import { layoutPoster } from '../../domain/poster/layout.ts';
import type { PosterTemplate } from '../../domain/poster/template.ts';
import { drawAvatar } from './draw-avatar.ts';
import { drawNickname } from './draw-nickname.ts';
import { drawQr } from './draw-qr.ts';
import { registerPosterFonts } from './fonts.ts';

export const POSTER_JPEG_QUALITY = 85;
/** Shown where there is no background image yet. */
const PLAIN_BACKGROUND = '#f2f3f5';

export interface PosterDrawInput {
  template: PosterTemplate;
  /** Decoded background, or null for the template's plain frame. */
  background: Image | null;
  /** Decoded avatar, or null for a neutral placeholder. */
  avatar: Image | null;
  nickname: string;
  helpUrl: string;
}

export function drawPoster(input: PosterDrawInput): Buffer {
  registerPosterFonts();
  const layout = layoutPoster(input.template);
  const canvas = createCanvas(layout.width, layout.height);
  const ctx = canvas.getContext('2d');
  if (input.background) {
    ctx.drawImage(input.background, 0, 0, layout.width, layout.height);
  } else {
    ctx.fillStyle = PLAIN_BACKGROUND;
    ctx.fillRect(0, 0, layout.width, layout.height);
  }
  if (layout.avatar) drawAvatar(ctx, layout.avatar, input.avatar);
  if (layout.nickname) drawNickname(ctx, layout.nickname, input.nickname);
  drawQr(ctx, layout.qr, input.helpUrl);
  return canvas.encodeSync('jpeg', POSTER_JPEG_QUALITY);
}
