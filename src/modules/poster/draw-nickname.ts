import type { SKRSContext2D } from '@napi-rs/canvas';
import type { PosterLayout } from '../../domain/poster/layout.ts';
import { fitText, normalizeNickname } from '../../domain/poster/nickname.ts';
import { posterFont } from './fonts.ts';

type NicknameBox = NonNullable<PosterLayout['nickname']>;

/** Draws the nickname as plain text on one line, cut with an ellipsis at the box width. Returns what was drawn. */
export function drawNickname(ctx: SKRSContext2D, box: NicknameBox, nickname: string): string {
  ctx.font = posterFont(box.fontSize, box.bold);
  ctx.fillStyle = box.color;
  ctx.textAlign = box.align;
  ctx.textBaseline = 'middle';
  const text = fitText(normalizeNickname(nickname), box.width, (s) => ctx.measureText(s).width);
  const x = box.align === 'left' ? box.x : box.align === 'center' ? box.x + box.width / 2 : box.x + box.width;
  if (text) ctx.fillText(text, x, box.y + box.height / 2);
  return text;
}
