// The page the sign-in routes answer with when they cannot send the browser on: what went wrong, in
// the participant's words (zh-CN), the precise reason below it (naming the field), and a way back
// to the page when there is one. Every text is escaped; nothing runs on this page.
import type { FastifyReply } from 'fastify';
import type { AppError } from '../../../errors.ts';
import { STATUS } from '../../error-map.ts';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

const STYLE = `body{margin:0;font:15px/1.6 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#f5f5f5;color:#1f1f1f}
main{max-width:420px;margin:0 auto;padding:64px 24px;text-align:center}h1{font-size:19px;margin:0 0 8px}p{margin:0 0 12px;color:#555}
small{display:block;margin-top:24px;color:#999;font-size:12px;word-break:break-word}
a{display:block;margin-top:24px;padding:12px;border-radius:8px;background:#07c160;color:#fff;text-decoration:none;font-weight:600}`;

function wording(err: AppError): { title: string; body: string } {
  const field = err.fields?.[0]?.path ?? '';
  switch (err.code) {
    case 'bad_request':
      return field.endsWith('code')
        ? { title: '微信授权已失效', body: '授权码已使用或已过期。请点击下方按钮重新打开页面。' }
        : { title: '登录状态已失效', body: '请回到微信，重新打开活动链接。' };
    case 'validation_failed':
      return { title: '链接有误', body: '这个链接不完整或被改动过，请回到微信重新打开活动链接。' };
    case 'not_found':
      return { title: '活动不存在', body: '这个活动不存在或已被删除。' };
    case 'conflict':
      return { title: '暂不支持微信授权', body: '请从企业微信聊天中打开你的专属链接。' };
    default:
      return { title: '暂时无法确认你的微信身份', body: '微信暂时没有响应，请稍后重试。' };
  }
}

export function sendOauthError(reply: FastifyReply, err: AppError, frameAncestors: string): FastifyReply {
  const { title, body } = wording(err);
  const back = typeof err.details?.returnPath === 'string' ? err.details.returnPath : null;
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title><style>${STYLE}</style></head>`
    + `<body><main data-testid="oauth-error"><h1>${esc(title)}</h1><p>${esc(body)}</p>${back ? `<a href="${esc(back)}">重新打开页面</a>` : ''}<small>${esc(err.message)}</small></main></body></html>`;
  return reply.status(STATUS[err.code]).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store')
    .header('content-security-policy', `default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self' ${frameAncestors}`.trim())
    .header('referrer-policy', 'no-referrer').send(html);
}
