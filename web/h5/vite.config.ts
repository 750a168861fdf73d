// Build of the participant H5 pages (they open inside WeChat, often on 4G: Preact, no UI kit,
// one small entry chunk and one chunk per page). Served by the Fission server under /h5
// (src/http/routes/h5-static.ts); `fission start` builds it on demand (src/http/ensure-web-built.ts).
// In development run `npx vite --config web/h5/vite.config.ts` next to `npm start`: API calls are proxied.
// First-load size: src/http/h5-bundle-size.ts.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { precompress } from '../precompress.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/h5/',
  plugins: [precompress()],
  // Preact's automatic JSX runtime, compiled by Vite's own transformer (no Babel).
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
  build: {
    outDir: join(root, 'dist'),
    emptyOutDir: true,
    // WeChat's in-app browser: XWeb/X5 (Chromium 86+) on Android, WKWebView on iOS 13+.
    target: ['es2020', 'chrome86', 'safari13'],
    cssTarget: ['chrome86', 'safari13'],
    assetsInlineLimit: 2048,
    // Read by src/http/h5-bundle-size.ts to tell which chunks a first visit downloads.
    manifest: true,
    rolldownOptions: {
      output: {
        // The components and helpers pages share travel in one chunk, not a dozen tiny requests.
        codeSplitting: { groups: [{ name: 'shared', test: /web[\\/]h5[\\/]src[\\/](components|lib)[\\/]/ }] },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000', '/sandbox': 'http://localhost:3000' },
  },
});
