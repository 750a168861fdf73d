import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPosterTemplate, fitToFrame, frameHeightOf, posterProblems } from './poster-geometry.ts';

test('the default layout is valid for the recommended and for other background sizes', () => {
  assert.deepEqual(posterProblems(defaultPosterTemplate()), []);
  assert.deepEqual(posterProblems(defaultPosterTemplate({ imageId: '00000000-0000-4000-8000-000000000000', width: 1080, height: 1080 })), []);
});

test('an element outside the frame or over the QR code is a problem; a hidden one is not', () => {
  const t = defaultPosterTemplate();
  assert.deepEqual(posterProblems({ ...t, avatar: { ...t.avatar, y: 1300 } }), [{ element: 'avatar', kind: 'outside' }]);
  const onQr = { ...t, nickname: { ...t.nickname, x: t.qr.x - 100, y: t.qr.y } };
  assert.deepEqual(posterProblems(onQr), [{ element: 'nickname', kind: 'overlapsQr' }]);
  assert.deepEqual(posterProblems({ ...onQr, nickname: { ...onQr.nickname, show: false } }), []);
});

test('a shorter background pulls every element back inside its frame', () => {
  const t = fitToFrame({ ...defaultPosterTemplate(), background: { imageId: '00000000-0000-4000-8000-000000000000', width: 750, height: 750 } });
  assert.equal(frameHeightOf(t.background), 750);
  assert.ok(t.qr.y + t.qr.size <= 750 && t.avatar.y + t.avatar.size <= 750);
});
