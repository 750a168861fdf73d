// Generated avatars: a symmetric 5×5 identicon on a soft background, drawn without fonts (the
// machine may have no CJK font) and cached, since WeChat avatars are fetched often.
import { createHash } from 'node:crypto';
import { createCanvas } from '@napi-rs/canvas';

const cache = new Map<string, Buffer>();
const SIZE = 132;

export function avatarPng(key: string): Buffer {
  const hit = cache.get(key);
  if (hit) return hit;
  const h = createHash('sha256').update(key).digest();
  const canvas = createCanvas(SIZE, SIZE);
  const ctx = canvas.getContext('2d');
  const hue = ((h[0] ?? 0) * 360) / 256;
  ctx.fillStyle = `hsl(${hue}, 45%, 92%)`;
  ctx.fillRect(0, 0, SIZE, SIZE);
  ctx.fillStyle = `hsl(${hue}, 55%, 48%)`;
  const cell = 22;
  const margin = (SIZE - cell * 5) / 2;
  for (let y = 0; y < 5; y++) {
    for (let x = 0; x < 3; x++) {
      if (((h[1 + y * 3 + x] ?? 0) & 1) === 0) continue;
      ctx.fillRect(margin + x * cell, margin + y * cell, cell, cell);
      ctx.fillRect(margin + (4 - x) * cell, margin + y * cell, cell, cell);
    }
  }
  const png = canvas.toBuffer('image/png');
  if (cache.size > 2000) cache.clear();
  cache.set(key, png);
  return png;
}
