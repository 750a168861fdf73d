// Draws one poster with @napi-rs/canvas and encodes it as JPEG. Synchronous: it runs inside a
// render worker thread (render-worker.ts), never on the main event loop.
import { createCanvas, type Canvas, type Image } from '@napi-rs/canvas';
import { layoutPoster } from '../../domain/poster/layout.ts';
import type { PosterTemplate } from '../../domain/poster/template.ts';
import { drawAvatar } from './draw-avatar.ts';
import { drawNickname } from './draw-nickname.ts';
import { drawQr } from './draw-qr.ts';
import { registerPosterFonts } from './fonts.ts';

export const POSTER_JPEG_QUALITY = 85;
/** Shown where there is no background image yet. */
const PLAIN_BACKGROUND = '#f2f3f5';
/** Under the background: JPEG has no transparency, so transparent PNG areas come out white. */
const UNDERLAY = '#ffffff';

// A fresh 750×1334 canvas costs ~3 ms of page faults per poster; each thread reuses one per size.
const canvases = new Map<string, Canvas>();
const CANVASES_KEPT = 4;

function canvasFor(width: number, height: number): Canvas {
  const key = `${width}x${height}`;
  let canvas = canvases.get(key);
  if (!canvas) {
    if (canvases.size >= CANVASES_KEPT) canvases.delete(canvases.keys().next().value!);
    canvas = createCanvas(width, height);
    canvases.set(key, canvas);
  }
  return canvas;
}

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
  const canvas = canvasFor(layout.width, layout.height);
  const ctx = canvas.getContext('2d');
  // Every pixel is painted over, so nothing of the previous poster on this canvas remains.
  ctx.fillStyle = input.background ? UNDERLAY : PLAIN_BACKGROUND;
  ctx.fillRect(0, 0, layout.width, layout.height);
  if (input.background) ctx.drawImage(input.background, 0, 0, layout.width, layout.height);
  if (layout.avatar) drawAvatar(ctx, layout.avatar, input.avatar);
  if (layout.nickname) drawNickname(ctx, layout.nickname, input.nickname);
  drawQr(ctx, layout.qr, input.helpUrl);
  return canvas.encodeSync('jpeg', POSTER_JPEG_QUALITY);
}
