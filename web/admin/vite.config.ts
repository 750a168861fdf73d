// Build of the admin console. Served by the Fission server under /admin (src/http/routes/admin-static.ts);
// `fission start` builds it on demand (src/http/ensure-console-built.ts). In development run
// `npx vite --config web/admin/vite.config.ts` next to `npm start`: API calls are proxied.
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const root = fileURLToPath(new URL('.', import.meta.url));

// Pre-compressed copies next to each text asset: the server sends .br/.gz without compressing
// per request (operators on a shop's Wi-Fi feel the difference on a cold cache).
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'fission-precompress',
    apply: 'build',
    configResolved(c) {
      outDir = c.build.outDir;
    },
    closeBundle() {
      const walk = (dir: string): string[] => readdirSync(dir).flatMap((f) => {
        const p = join(dir, f);
        return statSync(p).isDirectory() ? walk(p) : [p];
      });
      for (const file of walk(outDir)) {
        if (!/\.(js|css|html|svg|json)$/.test(file) || statSync(file).size < 1024) continue;
        const bytes = readFileSync(file);
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
        writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

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
