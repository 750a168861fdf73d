import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../errors.ts';
import { defaultPosterTemplate } from '../../domain/poster/template.ts';
import { layoutPoster } from '../../domain/poster/layout.ts';
import { createPosterRenderer, type PosterRenderer } from './create-poster-renderer.ts';
import { renderPosterPreview, PREVIEW_HELP_URL } from './render-poster-preview.ts';
import { decodePixels, inkBox, near, readQr, sampleBackgroundFor } from './testing.ts';

let renderer: PosterRenderer;
before(() => {
  renderer = createPosterRenderer({ threads: 1 });
});
after(() => renderer.close());

test('the preview shows the sample avatar, the sample nickname and a working code', async () => {
  const t = defaultPosterTemplate();
  const p = await decodePixels(await renderPosterPreview(renderer, { template: t, background: null }));
  const l = layoutPoster(t);
  assert.equal(readQr(p), PREVIEW_HELP_URL);
  // The sample avatar is blue with a white figure.
  const a = l.avatar!;
  assert.ok(near(p.at(a.x + a.size * 0.15, a.y + a.size * 0.5), [60, 140, 240], 90), `avatar ${p.at(a.x + a.size * 0.15, a.y + a.size * 0.5)}`);
  const n = l.nickname!;
  const ink = inkBox(p, { x: n.x, y: n.y, w: n.width, h: n.height }, (c) => near(c, [51, 51, 51], 60));
  assert.ok(ink && ink.count > 300, 'nickname drawn in the template colour');
});

test('the preview uses the given background and help URL', async () => {
  const { ref, bytes } = sampleBackgroundFor(750, 1334);
  const url = 'https://fission.example.com/h5/c/42';
  const p = await decodePixels(await renderPosterPreview(renderer, { template: defaultPosterTemplate(ref), background: { id: ref.imageId, bytes }, helpUrl: url }));
  assert.equal(readQr(p), url);
  assert.ok(!near(p.at(5, 5), [242, 243, 245], 12), 'background drawn, not the plain frame');
});

test('an invalid template from the editor is a validation error naming the field', async () => {
  const t = defaultPosterTemplate();
  t.qr.size = 0;
  await assert.rejects(renderPosterPreview(renderer, { template: t, background: null }), (e) => e instanceof AppError && e.fields?.[0]?.path === 'qr.size');
});
