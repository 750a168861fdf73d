// Node-local disk cache of rendered posters. Posters are deterministic for a participant and a
// template version, so any node may keep its own copy; nothing here needs to be shared.
import type { PosterRenderer } from './create-poster-renderer.ts';

export interface PosterCache {
  readonly dir: string;
  readonly renderer: PosterRenderer;
  /** Renders under way, by file path: concurrent requests for one poster share one render. */
  readonly inflight: Map<string, Promise<Buffer>>;
}

export function createPosterCache(opts: { dir: string; renderer: PosterRenderer }): PosterCache {
  return { dir: opts.dir, renderer: opts.renderer, inflight: new Map() };
}
