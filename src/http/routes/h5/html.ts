// A minimal mobile HTML shell for the participant pages until the H5 app (web/h5) exists. Every
// value is escaped: nicknames are user-controlled and may hold markup.
export function esc(v: unknown): string {
  return String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><style>body{font:16px/1.6 system-ui,sans-serif;margin:0;padding:16px;background:#fff7f0;color:#333}
h1{font-size:20px}section{background:#fff;border-radius:12px;padding:12px 16px;margin:12px 0}img.qr{width:220px;height:220px;display:block;margin:8px auto}
.url{word-break:break-all;font-family:monospace;background:#f4f4f4;padding:8px;border-radius:6px}</style></head><body>${body}</body></html>`;
}
