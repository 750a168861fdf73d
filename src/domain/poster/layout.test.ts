import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layoutPoster, MAX_OUTPUT_WIDTH } from './layout.ts';
import { defaultPosterTemplate } from './template.ts';

const ID = '3f0b5c2e-8a4d-4e1b-9c7a-2d6e8f1a0b3c';

test('a 750-wide background maps design units 1:1', () => {
  const t = defaultPosterTemplate({ imageId: ID, width: 750, height: 1334 });
  const l = layoutPoster(t);
  assert.deepEqual([l.width, l.height, l.scale], [750, 1334, 1]);
  assert.deepEqual(l.qr, { x: t.qr.x, y: t.qr.y, size: t.qr.size });
  assert.deepEqual(l.avatar, { x: t.avatar.x, y: t.avatar.y, size: 100, shape: 'circle', radius: 0 });
  assert.equal(l.nickname?.fontSize, 32);
  assert.equal(l.nickname?.bold, true);
});

test('no background: a plain 750×1334 frame', () => {
  const l = layoutPoster(defaultPosterTemplate());
  assert.deepEqual([l.width, l.height], [750, 1334]);
});

test('other sizes scale; output is capped at 1080 px wide', () => {
  const small = layoutPoster(defaultPosterTemplate({ imageId: ID, width: 375, height: 667 }));
  assert.deepEqual([small.width, small.height, small.scale], [375, 667, 0.5]);
  assert.equal(small.qr.size, 100);

  const big = layoutPoster(defaultPosterTemplate({ imageId: ID, width: 1500, height: 2668 }));
  assert.equal(big.width, MAX_OUTPUT_WIDTH);
  assert.equal(big.height, Math.round((2668 * 1080) / 1500));
  assert.equal(big.qr.size, Math.round(200 * 1.44));
});

test('rounded avatars get a corner radius; hidden elements are left out', () => {
  const t = defaultPosterTemplate();
  t.avatar.shape = 'rounded';
  assert.equal(layoutPoster(t).avatar?.radius, 16);
  t.avatar.show = false;
  t.nickname.show = false;
  const l = layoutPoster(t);
  assert.equal(l.avatar, null);
  assert.equal(l.nickname, null);
});
