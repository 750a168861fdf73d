// Posters per second through the renderer against raw canvas draw-and-encode: the poster area's
// own benchmark (src/modules/poster/bench.ts), run in this process.
import { benchPosters, type PosterBenchResult } from '../modules/poster/bench.ts';

export type PosterResult = Omit<PosterBenchResult, 'machine'>;

export async function benchPosterThroughput(o: { renders: number; rounds: number }, log: (line: string) => void): Promise<PosterResult> {
  log(`posters: ${o.renders} renders through the renderer, then raw, ${o.rounds} round(s)`);
  const { machine: _machine, ...r } = await benchPosters({ renders: o.renders, rounds: o.rounds });
  return r;
}
