// Serves a built browser app (web/<app>/dist) under its base path: hashed assets cached for a year,
// index.html never cached (so a release is picked up at once), client routes (/admin/w/demo/…,
// /h5/c/1/me…) answered with index.html. Pre-compressed .br/.gz copies from the build are sent
// when the browser takes them. Used by admin-static.ts and h5-static.ts.
import { existsSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';

const IMMUTABLE = 'public, max-age=31536000, immutable';

export interface WebStaticOptions {
  /** The URL prefix without a trailing slash, e.g. '/admin'. */
  base: string;
  distDir: string;
  /** Content-Security-Policy of the HTML. */
  csp: string;
  /** The page answered (503) while the app is not built. */
  notBuiltHtml: string;
}

export function webStaticRoutes(opts: WebStaticOptions): FastifyPluginAsync {
  const { base, distDir, csp } = opts;
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
          res.header('content-security-policy', csp);
          res.header('referrer-policy', 'same-origin');
        }
      },
    });

    const sendIndex = (reply: FastifyReply) => {
      if (!existsSync(join(distDir, 'index.html'))) return reply.status(503).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(opts.notBuiltHtml);
      return reply.sendFile('index.html');
    };

    app.get(base, { schema: { hide: true } }, (_req, reply) => reply.redirect(`${base}/`));
    app.get(`${base}/*`, { schema: { hide: true } }, (req, reply) => {
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
