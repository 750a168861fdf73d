import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../errors.ts';
import { defaultPosterTemplate, parsePosterTemplate, frameHeightOf, type PosterTemplate } from './template.ts';

const BG = { imageId: '3f0b5c2e-8a4d-4e1b-9c7a-2d6e8f1a0b3c', width: 750, height: 1334 };

function errorsOf(input: unknown): Record<string, string> {
  try {
    parsePosterTemplate(input);
  } catch (e) {
    assert.ok(e instanceof AppError);
    assert.equal(e.code, 'validation_failed');
    return Object.fromEntries((e.fields ?? []).map((f) => [f.path, f.message]));
  }
  assert.fail('expected a validation error');
}

function withPatch(patch: (t: PosterTemplate) => void): PosterTemplate {
  const t = structuredClone(defaultPosterTemplate(BG));
  patch(t);
  return t;
}

test('the default template is valid, with or without a background, and fits it', () => {
  assert.deepEqual(parsePosterTemplate(defaultPosterTemplate()), defaultPosterTemplate());
  assert.deepEqual(parsePosterTemplate(defaultPosterTemplate(BG)), defaultPosterTemplate(BG));
  const wide = { ...BG, width: 1080, height: 1440 }; // frame 750 × 1000
  const t = parsePosterTemplate(defaultPosterTemplate(wide));
  assert.equal(t.qr.y + t.qr.size, 1000 - 40);
});

test('every option is accepted within its range', () => {
  for (const shape of ['circle', 'square', 'rounded'] as const) {
    assert.equal(parsePosterTemplate(withPatch((t) => (t.avatar.shape = shape))).avatar.shape, shape);
  }
  for (const align of ['left', 'center', 'right'] as const) {
    assert.equal(parsePosterTemplate(withPatch((t) => (t.nickname.align = align))).nickname.align, align);
  }
  for (const fontWeight of ['regular', 'bold'] as const) {
    assert.equal(parsePosterTemplate(withPatch((t) => (t.nickname.fontWeight = fontWeight))).nickname.fontWeight, fontWeight);
  }
  const t = parsePosterTemplate(
    withPatch((t) => {
      t.version = 7;
      t.avatar = { show: true, shape: 'rounded', size: 160, x: 295, y: 100 };
      t.nickname = { show: true, fontSize: 40, fontWeight: 'regular', color: '#FFaa00', align: 'center', x: 75, y: 280, maxWidth: 600 };
      t.qr = { size: 300, x: 225, y: 900 };
    }),
  );
  assert.equal(t.version, 7);
  assert.equal(t.nickname.color, '#ffaa00', 'colour stored in lower case');
  assert.deepEqual(t.avatar, { show: true, shape: 'rounded', size: 160, x: 295, y: 100 });
  assert.deepEqual(t.qr, { size: 300, x: 225, y: 900 });
});

test('hidden avatar and nickname are not checked against the frame', () => {
  const t = withPatch((t) => {
    t.avatar = { ...t.avatar, show: false, x: 5000 };
    t.nickname = { ...t.nickname, show: false, y: 5000 };
  });
  assert.equal(parsePosterTemplate(t).avatar.show, false);
});

test('bad values are rejected naming the field', () => {
  assert.match(errorsOf(withPatch((t) => (t.nickname.color = 'red')))['nickname.color']!, /#1a2b3c/);
  assert.match(errorsOf(withPatch((t) => (t.nickname.color = '#12345')))['nickname.color']!, /6 hex digits/);
  assert.match(errorsOf(withPatch((t) => (t.avatar.size = 0)))['avatar.size']!, /at least 20/);
  assert.match(errorsOf(withPatch((t) => (t.qr.size = -5)))['qr.size']!, /at least 100/);
  assert.match(errorsOf(withPatch((t) => (t.nickname.fontSize = 0)))['nickname.fontSize']!, /at least 12/);
  assert.match(errorsOf(withPatch((t) => (t.nickname.maxWidth = 0)))['nickname.maxWidth']!, /at least 20/);
  assert.match(errorsOf(withPatch((t) => (t.avatar.x = 1.5)))['avatar.x']!, /whole number/);
  assert.match(errorsOf(withPatch((t) => (t.avatar.y = -1)))['avatar.y']!, /at least 0/);
  assert.match(errorsOf(withPatch((t) => ((t.avatar as any).shape = 'hexagon')))['avatar.shape']!, /circle, square or rounded/);
  assert.match(errorsOf(withPatch((t) => ((t.nickname as any).align = 'justify')))['nickname.align']!, /left, center or right/);
  assert.match(errorsOf(withPatch((t) => ((t.avatar as any).show = 'yes')))['avatar.show']!, /true or false/);
  assert.match(errorsOf(withPatch((t) => (t.version = 0)))['version']!, /at least 1/);
  assert.match(errorsOf(withPatch((t) => (t.background!.imageId = 'bg.jpg')))['background.imageId']!, /uploaded background/);
  assert.match(errorsOf(withPatch((t) => (t.background!.width = 9000)))['background.width']!, /at most 8000 px/);
  assert.match(errorsOf(withPatch((t) => ((t.qr as any).colour = '#000000')))['qr']!, /unknown field\(s\): colour/);
  assert.ok('avatar' in errorsOf(withPatch((t) => delete (t as any).avatar)));
  assert.ok('' in errorsOf('not an object'));
});

test('elements outside the background are rejected, against the scaled frame', () => {
  assert.match(errorsOf(withPatch((t) => (t.qr.x = 600)))['qr.x']!, /ends at 800, outside the background \(750 units wide\)/);
  assert.match(errorsOf(withPatch((t) => (t.avatar.y = 1300)))['avatar.y']!, /outside the background \(1334 units tall\)/);
  assert.match(errorsOf(withPatch((t) => (t.nickname.x = 500)))['nickname.x']!, /ends at 830/);
  // The nickname box is 1.4 × the font size tall.
  assert.match(errorsOf(withPatch((t) => ((t.nickname.y = 1300), (t.nickname.fontSize = 30))))['nickname.y']!, /ends at 1342/);
  // A square 1500×1500 background is a 750×750 frame: the default's bottom band no longer fits.
  const square = withPatch((t) => (t.background = { ...BG, width: 1500, height: 1500 }));
  assert.equal(frameHeightOf(square.background), 750);
  assert.match(errorsOf(square)['qr.y']!, /\(750 units tall\)/);
});

test('anything over the QR code is rejected', () => {
  const e = errorsOf(withPatch((t) => ((t.avatar.x = t.qr.x + 10), (t.avatar.y = t.qr.y + 10))));
  assert.match(e['qr']!, /overlaps the avatar/);
  assert.match(errorsOf(withPatch((t) => (t.nickname.maxWidth = 400)))['qr']!, /overlaps the nickname/);
  // Hidden elements may sit under it.
  parsePosterTemplate(withPatch((t) => ((t.avatar.show = false), (t.avatar.x = t.qr.x))));
});

test('the error message lists every bad field', () => {
  try {
    parsePosterTemplate(withPatch((t) => ((t.nickname.color = 'blue'), (t.qr.size = 0))));
    assert.fail('expected an error');
  } catch (e) {
    assert.ok(e instanceof AppError);
    assert.match(e.message, /^invalid poster template: .*nickname\.color: .*qr\.size: /);
  }
});
