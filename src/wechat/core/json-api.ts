// One WeCom/OA JSON call with the policies every API shares: the per-API rate limit, the access
// token (refreshed once on 40001/40014/42001), bounded backoff on busy answers (-1, 45009…), and
// one log line per HTTP exchange with api, latency and errcode — never the token or a secret.
import { WeChatApiError } from './api-error.ts';
import { backoffDelay, sleep, type RetryOptions } from './backoff.ts';
import type { WeChatLogger } from './options.ts';
import { joinUrl } from './options.ts';
import type { RateLimiter } from './rate-limiter.ts';
import { redactUrl } from './redact.ts';
import { httpRequest, multipartBody, type MultipartFile } from './transport.ts';

export interface TokenSource {
  /** A valid access token; given the token WeChat just refused, a different (refreshed) one. */
  get(stale?: string): Promise<string>;
}

export interface JsonCall {
  /** Name in logs, errors and the rate-limit key, e.g. `externalcontact/add_contact_way`. */
  api: string;
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string | number | undefined>;
  json?: unknown;
  file?: MultipartFile & { field: string };
  /** Adds `access_token` to the query. */
  token?: TokenSource;
}

export interface JsonApiOptions {
  product: 'wecom' | 'oa';
  /** corpid or appid: the rate-limit scope and a log field (not a secret). */
  owner: string;
  baseUrl: string;
  logger: WeChatLogger;
  limiter: RateLimiter | null;
  retry: RetryOptions;
  timeoutMs: number;
}

/** Token refused: refresh and retry once (WeCom sometimes says 40014 or 40001 for a stale token). */
const TOKEN_ERRORS = new Set([40001, 40014, 42001]);
/** Busy or over a frequency limit: back off and retry (45011 is OA's per-minute quota, 45033 WeCom's concurrency). */
const BUSY_ERRORS = new Set([-1, 45009, 45011, 45033]);

export type WireResponse = Record<string, unknown> & { errcode?: number; errmsg?: string };

export class JsonApi {
  readonly opts: JsonApiOptions;

  constructor(opts: JsonApiOptions) {
    this.opts = opts;
  }

  /** The response body without errcode/errmsg; throws WeChatApiError for any errcode but 0. */
  async call<T>(c: JsonCall): Promise<T> {
    const { errcode: _e, errmsg: _m, ...rest } = await this.exchange(c);
    return rest as T;
  }

  private async exchange(c: JsonCall): Promise<WireResponse> {
    let token = c.token ? await c.token.get() : undefined;
    let refreshed = false;
    let busy = 0;
    for (let attempt = 0; ; attempt++) {
      const body = await this.once(c, token, attempt);
      const errcode = typeof body.errcode === 'number' ? body.errcode : 0;
      if (errcode === 0) return body;
      const errmsg = typeof body.errmsg === 'string' ? body.errmsg : '';
      if (c.token && token !== undefined && TOKEN_ERRORS.has(errcode) && !refreshed) {
        refreshed = true;
        token = await c.token.get(token);
        continue;
      }
      if (BUSY_ERRORS.has(errcode) && busy < this.opts.retry.retries) {
        const wait = backoffDelay(busy++, this.opts.retry);
        this.opts.logger.warn({ wechat: this.opts.product, api: c.api, owner: this.opts.owner, errcode, retryInMs: wait }, 'wechat busy, backing off');
        await sleep(wait);
        continue;
      }
      throw new WeChatApiError({ api: c.api, errcode, errmsg });
    }
  }

  private async once(c: JsonCall, token: string | undefined, attempt: number): Promise<WireResponse> {
    const { product, owner, logger } = this.opts;
    await this.opts.limiter?.take(`${owner}:${c.api}`);
    const url = joinUrl(this.opts.baseUrl, c.path, { ...c.query, ...(token !== undefined ? { access_token: token } : {}) });
    const headers: Record<string, string> = {};
    let body: Buffer | string | undefined;
    if (c.file) {
      const mp = multipartBody(c.file.field, c.file);
      body = mp.body;
      headers['content-type'] = mp.contentType;
    } else if (c.json !== undefined) {
      body = JSON.stringify(c.json);
      headers['content-type'] = 'application/json; charset=utf-8';
    }
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    let res;
    try {
      res = await httpRequest({ method: c.method, url, headers, ...(body !== undefined ? { body } : {}), timeoutMs: this.opts.timeoutMs });
    } catch (err) {
      const errmsg = redactUrl(err instanceof Error ? err.message : String(err));
      logger.warn({ wechat: product, api: c.api, owner, ms: ms(), attempt, errcode: null, error: errmsg }, 'wechat call failed');
      throw new WeChatApiError({ api: c.api, errcode: null, errmsg, cause: err });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(res.body.toString('utf8'));
    } catch {
      parsed = undefined;
    }
    if (res.status !== 200 || !parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      const errmsg = `HTTP ${res.status} with ${parsed === undefined ? 'a non-JSON' : 'an unexpected'} body`;
      logger.warn({ wechat: product, api: c.api, owner, ms: ms(), attempt, errcode: null, httpStatus: res.status }, 'wechat call failed');
      throw new WeChatApiError({ api: c.api, errcode: null, errmsg, httpStatus: res.status });
    }
    const out = parsed as WireResponse;
    const errcode = typeof out.errcode === 'number' ? out.errcode : 0;
    const log = { wechat: product, api: c.api, owner, ms: ms(), attempt, errcode };
    if (errcode === 0) logger.info(log, 'wechat call');
    else logger.warn({ ...log, errmsg: out.errmsg }, 'wechat call answered an error');
    return out;
  }
}
