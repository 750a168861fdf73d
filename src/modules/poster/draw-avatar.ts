import type { Image, SKRSContext2D } from '@napi-rs/canvas';
import type { PosterLayout } from '../../domain/poster/layout.ts';

type AvatarBox = NonNullable<PosterLayout['avatar']>;

/** The participant's avatar cropped to a centred square in the template's shape; a neutral figure when there is none. */
export function drawAvatar(ctx: SKRSContext2D, box: AvatarBox, image: Image | null): void {
  const { x, y, size } = box;
  ctx.save();
  ctx.beginPath();
  if (box.shape === 'circle') ctx.arc(x + size / 2, y + size / 2, size / 2, 0, Math.PI * 2);
  else if (box.shape === 'rounded') ctx.roundRect(x, y, size, size, box.radius);
  else ctx.rect(x, y, size, size);
  ctx.clip();
  if (image) {
    const side = Math.min(image.width, image.height);
    ctx.drawImage(image, (image.width - side) / 2, (image.height - side) / 2, side, side, x, y, size, size);
  } else {
    drawPlaceholder(ctx, x, y, size);
  }
  ctx.restore();
}

function drawPlaceholder(ctx: SKRSContext2D, x: number, y: number, s: number): void {
  ctx.fillStyle = '#e5e6eb';
  ctx.fillRect(x, y, s, s);
  ctx.fillStyle = '#c2c6cf';
  ctx.beginPath();
  ctx.arc(x + s / 2, y + s * 0.4, s * 0.19, 0, Math.PI * 2);
  ctx.fill();
  ctx.beginPath();
  ctx.ellipse(x + s / 2, y + s * 0.98, s * 0.36, s * 0.34, 0, 0, Math.PI * 2);
  ctx.fill();
}
