// The admin console under /admin (web/admin, built by ensure-web-built.ts).
import type { FastifyPluginAsync } from 'fastify';
import { webStaticRoutes } from './web-static.ts';

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
  return webStaticRoutes({ base: '/admin', distDir: opts.distDir, csp: CSP, notBuiltHtml: NOT_BUILT });
}
