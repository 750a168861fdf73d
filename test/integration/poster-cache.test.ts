import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../src/errors.ts';
import { defaultPosterTemplate } from '../../src/domain/poster/template.ts';
import { createPosterRenderer, type PosterRenderer, type PosterRenderInput } from '../../src/modules/poster/create-poster-renderer.ts';
import { createPosterCache, type PosterCache } from '../../src/modules/poster/poster-cache.ts';
import { getOrRenderPoster, type PosterKey } from '../../src/modules/poster/get-or-render-poster.ts';
import { decodePixels, readQr, sampleBackgroundFor } from '../../src/modules/poster/testing.ts';
import { sampleAvatar } from '../../src/modules/poster/sample-images.ts';

let renderer: PosterRenderer;
let dir: string;
let cache: PosterCache;
const bg = sampleBackgroundFor(750, 1334);

before(async () => {
  renderer = createPosterRenderer({ threads: 1 });
  dir = await mkdtemp(join(tmpdir(), 'fission-posters-'));
  cache = createPosterCache({ dir, renderer });
});
after(async () => {
  await renderer.close();
  await rm(dir, { recursive: true, force: true });
});

const key = (over: Partial<PosterKey> = {}): PosterKey => ({
  workspaceId: '11111111-1111-4111-8111-111111111111',
  campaignId: '22222222-2222-4222-8222-222222222222',
  participantId: 'p-1',
  version: 1,
  ...over,
});

function loader(version: number, helpUrl = 'https://fission.example.com/h5/help/p-1') {
  let calls = 0;
  const load = async (): Promise<PosterRenderInput> => {
    calls++;
    const template = { ...defaultPosterTemplate(bg.ref), version };
    return { template, background: { id: bg.ref.imageId, bytes: bg.bytes }, avatar: sampleAvatar(), nickname: '小明🎉', helpUrl };
  };
  return { load, calls: () => calls };
}

test('a miss renders and stores; a hit is served from disk without loading inputs', async () => {
  const l = loader(1);
  const first = await getOrRenderPoster(cache, key(), l.load);
  assert.equal(first.cached, false);
  assert.equal(first.contentType, 'image/jpeg');
  assert.match(first.etag, /^"[A-Za-z0-9_-]{27}"$/);
  const p = await decodePixels(first.bytes);
  assert.equal(readQr(p), 'https://fission.example.com/h5/help/p-1');

  const second = await getOrRenderPoster(cache, key(), l.load);
  assert.equal(second.cached, true);
  assert.equal(second.etag, first.etag);
  assert.ok(second.bytes.equals(first.bytes));
  assert.equal(l.calls(), 1);
  const file = join(dir, key().workspaceId, key().campaignId, 'p-1', 'v1.jpg');
  assert.ok((await readFile(file)).equals(first.bytes));
});

test('concurrent requests for one poster share a single render', async () => {
  const l = loader(1);
  const results = await Promise.all(Array.from({ length: 5 }, () => getOrRenderPoster(cache, key({ participantId: 'p-2' }), l.load)));
  assert.equal(l.calls(), 1);
  assert.equal(new Set(results.map((r) => r.etag)).size, 1);
});

test('a new template version renders anew and drops the old file; no temp files are left', async () => {
  const k = key({ participantId: 'p-3' });
  const v1 = await getOrRenderPoster(cache, k, loader(1).load);
  const v2 = await getOrRenderPoster(cache, { ...k, version: 2 }, loader(2, 'https://fission.example.com/h5/help/v2').load);
  assert.equal(v2.cached, false);
  assert.notEqual(v2.etag, v1.etag);
  assert.deepEqual(await readdir(join(dir, k.workspaceId, k.campaignId, 'p-3')), ['v2.jpg']);
});

test('keys that could leave the cache folder, and mismatched versions, are refused', async () => {
  const l = loader(1);
  const isValidation = (path: string) => (e: unknown) => e instanceof AppError && e.code === 'validation_failed' && e.fields?.[0]?.path === path;
  await assert.rejects(getOrRenderPoster(cache, key({ participantId: '../../etc' }), l.load), isValidation('participantId'));
  await assert.rejects(getOrRenderPoster(cache, key({ campaignId: 'a/b' }), l.load), isValidation('campaignId'));
  await assert.rejects(getOrRenderPoster(cache, key({ workspaceId: '' }), l.load), isValidation('workspaceId'));
  await assert.rejects(getOrRenderPoster(cache, key({ version: 0 }), l.load), isValidation('version'));
  await assert.rejects(getOrRenderPoster(cache, key({ participantId: 'p-4', version: 3 }), l.load), isValidation('version'));
  assert.equal(l.calls(), 1, 'only the version mismatch got as far as loading');
});

test('a failed render stores nothing and the next request tries again', async () => {
  const k = key({ participantId: 'p-5' });
  await assert.rejects(getOrRenderPoster(cache, k, async () => { throw new Error('avatar download failed'); }), /avatar download failed/);
  const ok = await getOrRenderPoster(cache, k, loader(1).load);
  assert.equal(ok.cached, false);
});
