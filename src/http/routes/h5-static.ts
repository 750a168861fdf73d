// The participant pages under /h5 (web/h5, built by ensure-web-built.ts). They open inside WeChat:
// scripts and styles from us only; images from anywhere (WeChat avatars, WeCom QR codes).
import type { FastifyPluginAsync } from 'fastify';
import { webStaticRoutes } from './web-static.ts';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob: https: http:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>请稍候</title>
<p>页面正在准备中,请稍后刷新。</p>
<p>The H5 pages are not built. <code>fission start</code> builds them on start; otherwise run <code>npm run build:h5</code>.</p>`;

export function h5StaticRoutes(opts: { distDir: string }): FastifyPluginAsync {
  return webStaticRoutes({ base: '/h5', distDir: opts.distDir, csp: CSP, notBuiltHtml: NOT_BUILT });
}
