// Images drawn in code: the avatar shown in the editor's preview, and a sample background for the
// benchmark and the tests (nothing binary is committed).
import { createCanvas } from '@napi-rs/canvas';
import { registerPosterFonts, posterFont } from './fonts.ts';

let avatar: Buffer | undefined;

/** A 132×132 JPEG, like WeChat's small avatars: a friendly figure on a blue gradient. */
export function sampleAvatar(): Buffer {
  if (avatar) return avatar;
  const s = 132;
  const canvas = createCanvas(s, s);
  const ctx = canvas.getContext('2d');
  const g = ctx.createLinearGradient(0, 0, s, s);
  g.addColorStop(0, '#4facfe');
  g.addColorStop(1, '#1e5bd8');
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, s, s);
  ctx.fillStyle = '#ffffff';
  ctx.beginPath();
  ctx.arc(s / 2, s * 0.4, s * 0.2, 0, Math.PI * 2);
  ctx.fill();
  ctx.beginPath();
  ctx.ellipse(s / 2, s, s * 0.38, s * 0.34, 0, 0, Math.PI * 2);
  ctx.fill();
  avatar = canvas.encodeSync('jpeg', 90);
  return avatar;
}

/** A poster-like background with a Chinese headline, as JPEG or PNG. */
export function sampleBackground(width = 750, height = 1334, format: 'jpeg' | 'png' = 'jpeg'): Buffer {
  registerPosterFonts();
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const g = ctx.createLinearGradient(0, 0, 0, height);
  g.addColorStop(0, '#ff7a45');
  g.addColorStop(0.55, '#ffc53d');
  g.addColorStop(1, '#fff7e6');
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, width, height);
  const u = width / 750;
  ctx.fillStyle = 'rgba(255,255,255,0.25)';
  for (let i = 0; i < 12; i++) {
    ctx.beginPath();
    ctx.arc(((i * 173) % 750) * u, ((i * 311) % 900) * u, (30 + ((i * 37) % 70)) * u, 0, Math.PI * 2);
    ctx.fill();
  }
  ctx.fillStyle = '#ffffff';
  ctx.textAlign = 'center';
  ctx.font = posterFont(Math.round(72 * u), true);
  ctx.fillText('邀请好友助力', width / 2, 260 * u);
  ctx.font = posterFont(Math.round(40 * u), false);
  ctx.fillText('3 位好友助力 · 免费领取好礼', width / 2, 340 * u);
  ctx.fillStyle = 'rgba(255,255,255,0.92)';
  ctx.beginPath();
  ctx.roundRect(24 * u, height - 300 * u, 702 * u, 276 * u, 24 * u);
  ctx.fill();
  return format === 'png' ? canvas.toBuffer('image/png') : canvas.encodeSync('jpeg', 90);
}
