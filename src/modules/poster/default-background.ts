// The background of a campaign's posters while it has no uploaded one: the offer in large type on
// a warm gradient (what the friend gets, how many helps it takes) and a white panel at the bottom
// where the default template puts the avatar, nickname and QR code. Drawn once per offer and kept.
import { createHash } from 'node:crypto';
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { PosterOffer } from '../../domain/poster/offer.ts';
import { DEFAULT_FRAME_HEIGHT, FRAME_WIDTH } from '../../domain/poster/template.ts';
import { posterFont, registerPosterFonts } from './fonts.ts';

export type { PosterOffer };

export interface DefaultBackground {
  /** A UUID derived from the offer, so the render threads' decoded-background cache can key on it. */
  id: string;
  width: number;
  height: number;
  bytes: Buffer;
}

const KEPT = 32;
const drawn = new Map<string, DefaultBackground>();

export function defaultPosterBackground(offer: PosterOffer): DefaultBackground {
  const key = JSON.stringify([offer.reward, offer.target]);
  let bg = drawn.get(key);
  if (!bg) {
    if (drawn.size >= KEPT) drawn.delete(drawn.keys().next().value!);
    bg = { id: uuidOf(`default-background:v1:${key}`), width: FRAME_WIDTH, height: DEFAULT_FRAME_HEIGHT, bytes: draw(offer) };
    drawn.set(key, bg);
  }
  return bg;
}

function draw(offer: PosterOffer): Buffer {
  registerPosterFonts();
  const w = FRAME_WIDTH;
  const h = DEFAULT_FRAME_HEIGHT;
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  const g = ctx.createLinearGradient(0, 0, 0, h);
  g.addColorStop(0, '#f5452f');
  g.addColorStop(0.6, '#ff7a2f');
  g.addColorStop(1, '#ffb36b');
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, w, h);
  ctx.fillStyle = 'rgba(255,255,255,0.10)';
  for (const [x, y, r] of [[90, 140, 120], [680, 90, 90], [640, 620, 170], [60, 760, 110], [400, 900, 60]] as const) {
    ctx.beginPath();
    ctx.arc(x, y, r, 0, Math.PI * 2);
    ctx.fill();
  }

  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = 'rgba(255,255,255,0.22)';
  ctx.beginPath();
  ctx.roundRect(w / 2 - 170, 190, 340, 64, 32);
  ctx.fill();
  ctx.fillStyle = '#ffffff';
  ctx.font = posterFont(34, true);
  ctx.fillText('好友助力 · 免费领', w / 2, 223);

  const lines = fitLines(ctx, `「${offer.reward}」`, w - 100, 96, 56);
  let y = 400;
  for (const line of lines.text) {
    ctx.font = posterFont(lines.size, true);
    ctx.fillText(line, w / 2, y);
    y += lines.size * 1.25;
  }
  ctx.font = posterFont(40, false);
  ctx.fillText(`邀请 ${offer.target} 位好友助力即可获得`, w / 2, y + 30);

  // The panel under the avatar, nickname and QR code (defaultPosterTemplate's bottom 240 units).
  ctx.fillStyle = '#ffffff';
  ctx.beginPath();
  ctx.roundRect(24, h - 272, w - 48, 248, 24);
  ctx.fill();
  ctx.textAlign = 'left';
  ctx.fillStyle = '#8a8a8a';
  ctx.font = posterFont(26, false);
  ctx.fillText('长按识别二维码 为我助力', 40, h - 66);
  return canvas.encodeSync('jpeg', 90);
}

/** The largest font size from `max` down to `min` that fits the text on one line, else two lines at `min` (cut with …). */
function fitLines(ctx: SKRSContext2D, text: string, width: number, max: number, min: number): { text: string[]; size: number } {
  for (let size = max; size >= min; size -= 4) {
    ctx.font = posterFont(size, true);
    if (ctx.measureText(text).width <= width) return { text: [text], size };
  }
  ctx.font = posterFont(min, true);
  const chars = [...text];
  let cut = chars.length;
  while (cut > 1 && ctx.measureText(chars.slice(0, cut).join('')).width > width) cut--;
  let rest = chars.slice(cut).join('');
  while (rest.length > 1 && ctx.measureText(rest).width > width) rest = `${[...rest].slice(0, -2).join('')}…`;
  return { text: [chars.slice(0, cut).join(''), rest], size: min };
}

function uuidOf(seed: string): string {
  const b = createHash('sha256').update(seed).digest().subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
