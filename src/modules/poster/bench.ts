// Poster throughput: posters/second through the renderer (all threads) against a raw draw-and-encode
// of the same poster on the same number of plain threads, plus process RSS around 1,000 renders.
// Run alone: node src/modules/poster/bench.ts [renders] [threads] [rounds]
import { Worker } from 'node:worker_threads';
import { availableParallelism, cpus } from 'node:os';
import { randomUUID } from 'node:crypto';
import { defaultPosterTemplate } from '../../domain/poster/template.ts';
import { createPosterRenderer, type PosterRenderInput } from './create-poster-renderer.ts';
import { sampleAvatar, sampleBackground } from './sample-images.ts';

export interface PosterBenchResult {
  machine: { cpus: number; model: string; node: string };
  threads: number;
  renders: number;
  /** Through createPosterRenderer, all threads busy (best round). */
  rendererPerSecond: number;
  /** drawPoster in plain worker threads (as many as the renderer's), no pool or validation (best round). */
  rawPerSecond: number;
  /** rendererPerSecond / rawPerSecond. */
  ratio: number;
  /**
   * Every round, in order: posters/second, and process CPU time (all threads, user + system) per
   * poster in ms, which other load on a shared machine disturbs far less than wall time.
   */
  rounds: Array<{ renderer: number; raw: number; rendererCpuMs: number; rawCpuMs: number }>;
  /** Mean time of one poster rendered alone (no queueing), ms. */
  singleLatencyMs: number;
  jpegBytes: number;
  /** Process RSS (main thread and render threads): before the renderer, warm, after `renders` renders. */
  rss: { beforeRendererMb: number; warmMb: number; afterMb: number };
}

/** A typical poster: 750×1334 JPEG background, a 132 px JPEG avatar, a Chinese nickname with emoji. */
export function benchInput(): PosterRenderInput {
  const ref = { imageId: randomUUID(), width: 750, height: 1334 };
  return {
    template: defaultPosterTemplate(ref),
    background: { id: ref.imageId, bytes: sampleBackground(750, 1334) },
    avatar: sampleAvatar(),
    nickname: '小明同学🎉',
    helpUrl: 'https://fission.example.com/h5/help/5d1f0c2a?c=9f8e7d6c-5b4a-4321-8fed-cba987654321',
  };
}

const mb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);
const round1 = (n: number) => Math.round(n * 10) / 10;

export async function benchPosters(opts: { renders?: number; threads?: number; rounds?: number } = {}): Promise<PosterBenchResult> {
  const renders = opts.renders ?? 1000;
  const threads = opts.threads ?? availableParallelism();
  const input = benchInput();
  const rounds: PosterBenchResult['rounds'] = [];

  const beforeRendererMb = mb();
  const renderer = createPosterRenderer({ threads });
  try {
    // Warm every thread (fonts, decoded background) before timing.
    const warm = await Promise.all(Array.from({ length: threads * 2 }, () => renderer.render(input)));
    const warmMb = mb();
    let t = performance.now();
    for (let i = 0; i < 20; i++) await renderer.render(input);
    const singleLatencyMs = round1((performance.now() - t) / 20);

    let afterMb = 0;
    for (let r = 0; r < (opts.rounds ?? 1); r++) {
      t = performance.now();
      const cpu = process.cpuUsage();
      let next = 0;
      const lane = async () => {
        while (next++ < renders) await renderer.render(input);
      };
      await Promise.all(Array.from({ length: threads * 4 }, lane)); // keep every thread fed
      const rendererRate = renders / ((performance.now() - t) / 1000);
      const rendererCpuMs = cpuMs(process.cpuUsage(cpu)) / renders;
      if (r === 0) afterMb = mb();
      const raw = await rawRate(input, renders, threads);
      rounds.push({ renderer: round1(rendererRate), raw: round1(raw.perSecond), rendererCpuMs: round1(rendererCpuMs), rawCpuMs: round1(raw.cpuMs) });
    }

    const best = (k: 'renderer' | 'raw') => Math.max(...rounds.map((x) => x[k]));
    return {
      machine: { cpus: availableParallelism(), model: cpus()[0]?.model ?? 'unknown', node: process.version },
      threads,
      renders,
      rendererPerSecond: best('renderer'),
      rawPerSecond: best('raw'),
      ratio: Math.round((best('renderer') / best('raw')) * 100) / 100,
      rounds,
      singleLatencyMs,
      jpegBytes: warm[0]!.length,
      rss: { beforeRendererMb, warmMb, afterMb },
    };
  } finally {
    await renderer.close();
  }
}

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

/** `renders` posters split over `threads` plain workers: posters/second of wall time, CPU ms per poster. */
async function rawRate(input: PosterRenderInput, renders: number, threads: number): Promise<{ perSecond: number; cpuMs: number }> {
  const workers = Array.from({ length: threads }, (_, i) => {
    const count = Math.floor(renders / threads) + (i < renders % threads ? 1 : 0);
    return new Worker(new URL('./bench-raw-worker.ts', import.meta.url), { workerData: { input, count } });
  });
  const once = (w: Worker, msg: string) =>
    new Promise<void>((resolve, reject) => {
      w.once('error', reject);
      w.once('message', (m) => (m === msg ? resolve() : reject(new Error(`unexpected ${m}`))));
    });
  try {
    await Promise.all(workers.map((w) => once(w, 'ready')));
    const t = performance.now();
    const cpu = process.cpuUsage();
    const done = workers.map((w) => once(w, 'done'));
    for (const w of workers) w.postMessage('go');
    await Promise.all(done);
    return { perSecond: renders / ((performance.now() - t) / 1000), cpuMs: cpuMs(process.cpuUsage(cpu)) / renders };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

if (import.meta.main) {
  const [renders, threads, rounds] = process.argv.slice(2).map(Number);
  console.log(JSON.stringify(await benchPosters({ renders: renders || undefined, threads: threads || undefined, rounds: rounds || undefined }), null, 2));
}
