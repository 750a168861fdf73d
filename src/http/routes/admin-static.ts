// Serves the built admin console under /admin: hashed assets cached for a year, index.html never
// cached (so a release is picked up at once), client routes (/admin/w/demo/settings…) answered
// with index.html. Pre-compressed .br/.gz copies from the build are sent when the browser takes them.
import { existsSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';

const IMMUTABLE = 'public, max-age=31536000, immutable';
// The console needs nothing from other origins except images (WeChat avatars); antd injects styles.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https: http:",
  "connect-src 'self'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Fission</title>
<p>The admin console is not built. <code>fission start</code> builds it on start; otherwise run <code>npm run build:admin</code>.</p>
<p>管理后台尚未构建。<code>fission start</code> 会在启动时自动构建;也可以运行 <code>npm run build:admin</code>。</p>`;

export function adminStaticRoutes(opts: { distDir: string }): FastifyPluginAsync {
  const { distDir } = opts;
  return async (app) => {
    await app.register(fastifyStatic, {
      root: distDir,
      serve: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, path) => {
        const hashed = path.startsWith(join(distDir, 'assets') + sep);
        res.header('cache-control', hashed ? IMMUTABLE : 'no-cache');
        res.header('x-content-type-options', 'nosniff');
        if (/\.html(\.gz|\.br)?$/.test(path)) {
          res.header('content-security-policy', CSP);
          res.header('referrer-policy', 'same-origin');
        }
      },
    });

    const sendIndex = (reply: FastifyReply) => {
      if (!existsSync(join(distDir, 'index.html'))) return reply.status(503).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(NOT_BUILT);
      return reply.sendFile('index.html');
    };

    app.get('/admin', { schema: { hide: true } }, (_req, reply) => reply.redirect('/admin/'));
    app.get('/admin/*', { schema: { hide: true } }, (req, reply) => {
      const rel = (req.params as { '*': string })['*'];
      const file = normalize(join(distDir, rel));
      if (rel && file.startsWith(distDir + sep) && existsSync(file) && statSync(file).isFile() && !file.endsWith('.gz') && !file.endsWith('.br')) {
        return reply.sendFile(rel);
      }
      // A missing hashed asset is an error (stale tab after a release), not a page.
      if (rel.startsWith('assets/') || /\.[a-z0-9]+$/i.test(rel)) return reply.callNotFound();
      return sendIndex(reply);
    });
  };
}
