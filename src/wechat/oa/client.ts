// Official Account API client for one AppID (reference §6): access token, parametric QR codes,
// user info, customer-service and template messages, and web OAuth. Knows no business.
import type { Db } from '../../db/client.ts';
import { JsonApi, type TokenSource } from '../core/json-api.ts';
import { DEFAULT_TIMEOUT_MS, joinUrl, resolveLimiter, resolveRetry, type ClientOptions } from '../core/options.ts';
import { REAL_HOSTS } from '../hosts.ts';
import { TokenCache, tokenCacheKey } from '../token-cache.ts';
import type * as T from './types.ts';

export interface OaClientOptions extends ClientOptions {
  appId: string;
  appSecret: string;
  db: Db;
  /** Host of showqrcode (default https://mp.weixin.qq.com). */
  mpBaseUrl?: string;
  /** Host of the OAuth authorize page (default https://open.weixin.qq.com). */
  openBaseUrl?: string;
}

export class OaClient {
  readonly appId: string;
  private readonly appSecret: string;
  private readonly api: JsonApi;
  private readonly token: TokenSource;
  private readonly mpBaseUrl: string;
  private readonly openBaseUrl: string;

  constructor(opts: OaClientOptions) {
    const baseUrl = opts.baseUrl ?? REAL_HOSTS.oa;
    this.appId = opts.appId;
    this.appSecret = opts.appSecret;
    this.mpBaseUrl = opts.mpBaseUrl ?? REAL_HOSTS.mp;
    this.openBaseUrl = opts.openBaseUrl ?? REAL_HOSTS.open;
    this.api = new JsonApi({
      product: 'oa', owner: opts.appId, baseUrl, logger: opts.logger,
      limiter: resolveLimiter('oa', opts.rateLimit), retry: resolveRetry(opts.retry), timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
    const cache = new TokenCache(opts.db);
    const key = tokenCacheKey(baseUrl, opts.appId, opts.appSecret);
    const fetchToken = async () => {
      const r = await this.api.call<{ access_token: string; expires_in: number }>({
        api: 'token', method: 'GET', path: '/cgi-bin/token', query: { grant_type: 'client_credential', appid: opts.appId, secret: opts.appSecret },
      });
      return { accessToken: r.access_token, expiresIn: r.expires_in };
    };
    this.token = { get: (stale) => cache.get(key, fetchToken, stale) };
  }

  /** A valid access token (from the shared cache). */
  accessToken(): Promise<string> {
    return this.token.get();
  }

  private post<T>(api: string, path: string, json: unknown): Promise<T> {
    return this.api.call<T>({ api, method: 'POST', path, json, token: this.token });
  }

  createQrCode(req: T.CreateQrCodeRequest): Promise<T.CreateQrCodeResponse> {
    return this.post('qrcode/create', '/cgi-bin/qrcode/create', req);
  }

  /** The QR image of a ticket (no token needed). */
  qrCodeImageUrl(ticket: string): string {
    return joinUrl(this.mpBaseUrl, '/cgi-bin/showqrcode', { ticket }).toString();
  }

  getUserInfo(openId: string, lang = 'zh_CN'): Promise<T.OaUserInfo> {
    return this.api.call({ api: 'user/info', method: 'GET', path: '/cgi-bin/user/info', query: { openid: openId, lang }, token: this.token });
  }

  async sendCustomMessage(msg: T.CustomMessage): Promise<void> {
    await this.post('message/custom/send', '/cgi-bin/message/custom/send', msg);
  }

  /** Returns WeChat's msgid (echoed later by TEMPLATESENDJOBFINISH). */
  async sendTemplateMessage(msg: T.TemplateMessage): Promise<number> {
    return (await this.post<{ msgid: number }>('message/template/send', '/cgi-bin/message/template/send', msg)).msgid;
  }

  /** Where to send a phone to authorise; WeChat returns to `redirectUri?code=…&state=…`. */
  oauthAuthorizeUrl(p: { redirectUri: string; scope: T.OAuthScope; state: string; forcePopup?: boolean }): string {
    if (!/^[A-Za-z0-9]{0,128}$/.test(p.state)) throw new Error('OAuth state must be at most 128 letters and digits');
    const url = joinUrl(this.openBaseUrl, '/connect/oauth2/authorize', {
      appid: this.appId, redirect_uri: p.redirectUri, response_type: 'code', scope: p.scope, state: p.state,
      forcePopup: p.forcePopup ? 'true' : undefined,
    });
    return `${url.toString()}#wechat_redirect`;
  }

  /** Exchanges an OAuth code (single use, 5 minutes) for the user's openid and web token. */
  oauthAccessToken(code: string): Promise<T.OAuthAccessToken> {
    return this.api.call({
      api: 'sns/oauth2/access_token', method: 'GET', path: '/sns/oauth2/access_token',
      query: { appid: this.appId, secret: this.appSecret, code, grant_type: 'authorization_code' },
    });
  }

  /** Profile of a snsapi_userinfo grant; `accessToken` is the user's web token, not the OA's. */
  snsUserInfo(accessToken: string, openId: string, lang = 'zh_CN'): Promise<T.SnsUserInfo> {
    return this.api.call({ api: 'sns/userinfo', method: 'GET', path: '/sns/userinfo', query: { access_token: accessToken, openid: openId, lang } });
  }
}
