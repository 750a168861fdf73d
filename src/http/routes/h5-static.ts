// The participant pages under /h5 (web/h5, built by ensure-web-built.ts). They open inside WeChat:
// scripts and styles from us only; images from anywhere (WeChat avatars, WeCom QR codes); framed
// only by us and the sandbox's phone page.
import type { FastifyPluginAsync } from 'fastify';
import { webStaticRoutes } from './web-static.ts';

const csp = (frameAncestors: string[]) => [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob: https: http:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  `frame-ancestors 'self' ${frameAncestors.join(' ')}`.trim(),
  "form-action 'self'",
].join('; ');

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>请稍候</title>
<p>页面正在准备中,请稍后刷新。</p>
<p>The H5 pages are not built. <code>fission start</code> builds them on start; otherwise run <code>npm run build:h5</code>.</p>`;

/** `frameAncestors`: origins that may show the pages in a frame besides ours (the sandbox's phone page). */
export function h5StaticRoutes(opts: { distDir: string; frameAncestors?: string[] }): FastifyPluginAsync {
  return webStaticRoutes({ base: '/h5', distDir: opts.distDir, csp: csp(opts.frameAncestors ?? []), notBuiltHtml: NOT_BUILT });
}
