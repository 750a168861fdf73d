// Benchmark baseline (bench.ts): the same poster drawn and encoded in a plain worker thread, with
// no pool, no message per poster and no input validation. Background decoded once, as the pool's
// threads do; the avatar decoded every time, as each participant's differs.
import { parentPort, workerData } from 'node:worker_threads';
import { Image } from '@napi-rs/canvas';
import { drawPoster } from './draw-poster.ts';
import type { PosterRenderInput } from './create-poster-renderer.ts';

const { input, count } = workerData as { input: PosterRenderInput; count: number };

async function decode(bytes: Uint8Array): Promise<Image> {
  const img = new Image();
  img.src = bytes;
  await img.decode();
  return img;
}

const background = input.background ? await decode(input.background.bytes) : null;
drawPoster({ ...input, background, avatar: null }); // warm up: fonts, shaping caches
parentPort!.postMessage('ready');
parentPort!.once('message', async () => {
  for (let i = 0; i < count; i++) {
    const avatar = input.avatar ? await decode(input.avatar) : null;
    drawPoster({ ...input, background, avatar });
  }
  parentPort!.postMessage('done');
});
