import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCanvas } from '@napi-rs/canvas';
import { drawNickname } from './draw-nickname.ts';
import { registerPosterFonts } from './fonts.ts';

registerPosterFonts();
const box = { x: 10, y: 10, width: 300, height: 56, fontSize: 40, bold: false, color: '#000000', align: 'left' as const };

function draw(nickname: string, over: Partial<typeof box> = {}) {
  const ctx = createCanvas(400, 100).getContext('2d');
  const b = { ...box, ...over };
  const text = drawNickname(ctx, b, nickname);
  return { text, width: ctx.measureText(text).width, max: b.width };
}

test('a short nickname is drawn whole', () => {
  assert.equal(draw('小明同学🎉').text, '小明同学🎉');
});

test('a long nickname is cut with an ellipsis and measured within the box', () => {
  for (const nickname of ['长'.repeat(200), 'W'.repeat(200), '🎉'.repeat(200), '<script>alert(1)</script>'.repeat(8)]) {
    for (const bold of [false, true]) {
      const r = draw(nickname, { bold });
      assert.ok(r.text.endsWith('…'), r.text);
      assert.ok(r.width <= r.max, `${r.width} > ${r.max}`);
      assert.ok(r.width > r.max * 0.8, 'uses the room it has');
    }
  }
});

test('the nickname is cleaned before drawing', () => {
  assert.equal(draw('  小明\n\u202e同学\u0007 ').text, '小明 同学');
  assert.equal(draw('\n\t ').text, '');
});
