import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { FONT_EMOJI, FONT_SANS, posterFont, registerPosterFonts } from './fonts.ts';

registerPosterFonts();

function glyph(text: string, font: string): string {
  const canvas = createCanvas(64, 64);
  const ctx = canvas.getContext('2d');
  ctx.font = font;
  ctx.textBaseline = 'top';
  ctx.fillText(text, 4, 4);
  return Buffer.from(ctx.getImageData(0, 0, 64, 64).data).toString('base64');
}

test('the shipped fonts are registered, regular and bold', () => {
  assert.ok(GlobalFonts.has(FONT_SANS));
  assert.ok(GlobalFonts.has(FONT_EMOJI));
  registerPosterFonts(); // idempotent
  const sans = GlobalFonts.families.find((f) => f.family === FONT_SANS);
  assert.deepEqual(sans?.styles.map((s) => s.weight).sort(), [400, 700]);
});

test('CJK ideographs, rare ones included, draw as real glyphs, not tofu boxes', () => {
  // Missing glyphs all draw the same box; real ones differ from each other.
  const font = `40px "${FONT_SANS}"`;
  const drawn = ['中', '国', '𠮷', '䶮', '龘'].map((c) => glyph(c, font));
  assert.equal(new Set(drawn).size, drawn.length);
  assert.notEqual(glyph('中', posterFont(40, true)), glyph('中', posterFont(40, false)), 'bold differs from regular');
});
