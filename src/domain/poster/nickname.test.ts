import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeNickname, fitText, graphemes, ELLIPSIS, MAX_NICKNAME_GRAPHEMES } from './nickname.ts';

// One unit per grapheme: easy to reason about.
const perGrapheme = (s: string) => graphemes(s).length;

test('normalizeNickname keeps one clean line', () => {
  assert.equal(normalizeNickname('  小明\n\t同学  '), '小明 同学');
  assert.equal(normalizeNickname('a\u0000b\u0007c'), 'abc');
  assert.equal(normalizeNickname('\u202eevil\u202c name\u200b'), 'evil name');
  assert.equal(normalizeNickname('bad \ud800 surrogate'), 'bad \ufffd surrogate');
  assert.equal(normalizeNickname('<script>alert(1)</script>'), '<script>alert(1)</script>', 'text stays text');
});

test('normalizeNickname keeps emoji sequences whole and bounds the length', () => {
  const family = '👨‍👩‍👧';
  const flag = '🇨🇳';
  assert.equal(normalizeNickname(`${family}${flag}👍🏽`), `${family}${flag}👍🏽`);
  const long = normalizeNickname(family.repeat(200));
  assert.equal(graphemes(long).length, MAX_NICKNAME_GRAPHEMES);
  assert.ok(graphemes(long).every((g) => g === family));
});

test('fitText returns text that fits unchanged', () => {
  assert.equal(fitText('小明', 5, perGrapheme), '小明');
});

test('fitText cuts at whole graphemes and appends an ellipsis within the width', () => {
  assert.equal(fitText('abcdefgh', 5, perGrapheme), `abcd${ELLIPSIS}`);
  const out = fitText('🇨🇳🇨🇳🇨🇳🇨🇳', 3, perGrapheme);
  assert.equal(out, `🇨🇳🇨🇳${ELLIPSIS}`);
  assert.ok(perGrapheme(out) <= 3);
});

test('fitText drops a trailing space before the ellipsis and gives up when nothing fits', () => {
  assert.equal(fitText('ab cdef', 4, perGrapheme), `ab${ELLIPSIS}`);
  assert.equal(fitText('abc', 0, perGrapheme), '');
});

test('fitText stays within the width for any maxWidth', () => {
  const text = '裂变小助手🎉'.repeat(30);
  for (let w = 1; w < 40; w++) assert.ok(perGrapheme(fitText(text, w, perGrapheme)) <= w);
});
