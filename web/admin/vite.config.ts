// Build of the admin console. Served by the Fission server under /admin (src/http/routes/admin-static.ts);
// `fission start` builds it on demand (src/http/ensure-web-built.ts). In development run
// `npx vite --config web/admin/vite.config.ts` next to `npm start`: API calls are proxied.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { precompress } from '../precompress.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/admin/',
  plugins: [react(), precompress()],
  build: {
    outDir: join(root, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // Long-lived vendor chunks: an app release does not invalidate the cached libraries.
        // ECharts is only fetched by the pages that draw charts.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/, priority: 30 },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000', '/callback': 'http://localhost:3000', '/h5': 'http://localhost:3000' },
  },
});
