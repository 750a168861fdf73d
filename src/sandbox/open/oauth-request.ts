// Checking an authorize request the way open.weixin.qq.com does (reference §6.8): known appid,
// redirect_uri on the account's web-OAuth domain (10003), a supported scope (10005), state at most
// 128 letters/digits. Failures show WeChat's error page instead of redirecting.
import type { SandboxStore } from '../store/store.ts';
import type { OfficialAccount } from '../store/oa-model.ts';

export type Scope = 'snsapi_base' | 'snsapi_userinfo';

export interface AuthorizeRequest {
  oa: OfficialAccount;
  redirectUri: URL;
  scope: Scope;
  state: string;
}

export class AuthorizeError extends Error {
  readonly code: number | undefined;
  constructor(message: string, code?: number) {
    super(message);
    this.code = code;
  }
}

export function readAuthorizeRequest(store: SandboxStore, q: Record<string, string | undefined>): AuthorizeRequest {
  if (!q.appid) throw new AuthorizeError('appid 不能为空', 10012);
  const oa = store.data.oas[q.appid];
  if (!oa) throw new AuthorizeError('appid 参数错误');
  if (!q.redirect_uri) throw new AuthorizeError('redirect_uri 不能为空', 10011);
  let redirectUri: URL;
  try {
    redirectUri = new URL(q.redirect_uri);
  } catch {
    throw new AuthorizeError('redirect_uri 参数错误', 10003);
  }
  if (!/^https?:$/.test(redirectUri.protocol)) throw new AuthorizeError('redirect_uri 参数错误', 10003);
  if (oa.oauthDomains.length && !oa.oauthDomains.includes(redirectUri.host.toLowerCase())) {
    throw new AuthorizeError(`redirect_uri 域名与后台配置不一致（${redirectUri.host}）`, 10003);
  }
  if (q.response_type !== 'code') throw new AuthorizeError('response_type 参数错误：只支持 code');
  if (!q.scope) throw new AuthorizeError('scope 不能为空', 10010);
  if (q.scope !== 'snsapi_base' && q.scope !== 'snsapi_userinfo') throw new AuthorizeError('此公众号并没有这些 scope 的权限', 10005);
  const state = q.state ?? '';
  if (!/^[A-Za-z0-9]{0,128}$/.test(state)) throw new AuthorizeError('state 参数错误：最多 128 个字母或数字');
  return { oa, redirectUri, scope: q.scope, state };
}
