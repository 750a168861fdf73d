// One poster renderer (a pool of worker threads) per app, shared by the H5 poster and the admin
// preview, started on the first poster asked for and closed with the app.
import { createPosterRenderer, type PosterRenderer } from '../modules/poster/create-poster-renderer.ts';

export interface LazyPosterRenderer {
  get(): PosterRenderer;
  close(): Promise<void>;
}

export function lazyPosterRenderer(): LazyPosterRenderer {
  let renderer: PosterRenderer | null = null;
  return {
    get: () => (renderer ??= createPosterRenderer()),
    async close() {
      const r = renderer;
      renderer = null;
      await r?.close();
    },
  };
}
