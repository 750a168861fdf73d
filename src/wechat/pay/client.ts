// WeChat Pay v2 client for one merchant (reference §7.1): cash red packets and their status.
// XML over HTTPS with the merchant's client certificate — a configuration concern: pass an
// `https.Agent` holding it. SYSTEMERROR/FREQ_LIMIT are retried with the very same signed body
// (same mch_billno), as the reference demands; every other failure is a WeChatApiError carrying
// return_code/result_code/err_code, for the caller to decide (e.g. query before resending).
import type https from 'node:https';
import { randomBytes } from 'node:crypto';
import { WeChatApiError } from '../core/api-error.ts';
import { backoffDelay, sleep, type RetryOptions } from '../core/backoff.ts';
import { DEFAULT_TIMEOUT_MS, joinUrl, resolveLimiter, resolveRetry, type ClientOptions, type WeChatLogger } from '../core/options.ts';
import type { RateLimiter } from '../core/rate-limiter.ts';
import { redactUrl } from '../core/redact.ts';
import { httpRequest } from '../core/transport.ts';
import { REAL_HOSTS } from '../hosts.ts';
import { buildXml, parseXml, type XmlObject } from '../protocol/index.ts';
import { payV2Sign, type PayParams } from './sign.ts';
import type { RedPackInfo, RedPackReceipt, SendRedPackRequest, SendRedPackResult } from './types.ts';

export interface PayClientOptions extends ClientOptions {
  mchId: string;
  /** The APIv2 key (signing only; never sent or logged). */
  apiKey: string;
  /** Carries the merchant client certificate for https. */
  agent?: https.Agent;
  /**
   * Sandbox mode: the sandbox speaks plain HTTP and stands in for mutual TLS with the header
   * `x-sandbox-client-cert: <mch_id>` (docs/sandbox.md), sent where the certificate would be used.
   */
  sandboxClientCert?: boolean;
}

/** The sandbox's stand-in for the client certificate (its CLIENT_CERT_HEADER). */
export const SANDBOX_CLIENT_CERT_HEADER = 'x-sandbox-client-cert';

const RETRYABLE = new Set(['SYSTEMERROR', 'FREQ_LIMIT']);

export class PayClient {
  readonly mchId: string;
  private readonly apiKey: string;
  private readonly baseUrl: string;
  private readonly agent: https.Agent | undefined;
  private readonly headers: Record<string, string>;
  private readonly logger: WeChatLogger;
  private readonly limiter: RateLimiter | null;
  private readonly retry: RetryOptions;
  private readonly timeoutMs: number;

  constructor(opts: PayClientOptions) {
    this.mchId = opts.mchId;
    this.apiKey = opts.apiKey;
    this.baseUrl = opts.baseUrl ?? REAL_HOSTS.pay;
    this.agent = opts.agent;
    this.headers = { 'content-type': 'text/xml; charset=utf-8', ...(opts.sandboxClientCert ? { [SANDBOX_CLIENT_CERT_HEADER]: opts.mchId } : {}) };
    this.logger = opts.logger;
    this.limiter = resolveLimiter('pay', opts.rateLimit);
    this.retry = resolveRetry(opts.retry);
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  async sendRedPack(req: SendRedPackRequest): Promise<SendRedPackResult> {
    const x = await this.call('sendredpack', '/mmpaymkttransfers/sendredpack', { ...req, mch_id: this.mchId, total_num: 1 });
    return {
      mch_billno: str(x, 'mch_billno'), mch_id: str(x, 'mch_id'), wxappid: str(x, 'wxappid'), re_openid: str(x, 're_openid'),
      total_amount: Number(str(x, 'total_amount')),
      ...(typeof x.send_listid === 'string' ? { send_listid: x.send_listid } : {}),
    };
  }

  /** Status of a red packet sent within the last 30 days. */
  async getRedPackInfo(mchBillno: string, appId: string): Promise<RedPackInfo> {
    const x = await this.call('gethbinfo', '/mmpaymkttransfers/gethbinfo', { mch_billno: mchBillno, mch_id: this.mchId, appid: appId, bill_type: 'MCHT' });
    const opt = (k: string) => (typeof x[k] === 'string' && x[k] !== '' ? { [k]: x[k] } : {});
    const list = x.hblist && typeof x.hblist === 'object' && !Array.isArray(x.hblist) ? x.hblist.hbinfo : undefined;
    const receipts = (Array.isArray(list) ? list : list ? [list] : []).filter((r): r is XmlObject => typeof r === 'object' && !Array.isArray(r));
    return {
      mch_billno: str(x, 'mch_billno'), mch_id: str(x, 'mch_id'), detail_id: str(x, 'detail_id'), status: str(x, 'status'),
      send_type: str(x, 'send_type'), hb_type: str(x, 'hb_type'), total_num: Number(str(x, 'total_num')), total_amount: Number(str(x, 'total_amount')),
      send_time: str(x, 'send_time'), wishing: str(x, 'wishing'), remark: str(x, 'remark'), act_name: str(x, 'act_name'),
      ...opt('reason'), ...opt('refund_time'),
      ...(typeof x.refund_amount === 'string' && x.refund_amount !== '' ? { refund_amount: Number(x.refund_amount) } : {}),
      hblist: receipts.map((r): RedPackReceipt => ({ openid: str(r, 'openid'), amount: Number(str(r, 'amount')), rcv_time: str(r, 'rcv_time') })),
    };
  }

  private async call(api: string, path: string, params: PayParams): Promise<XmlObject> {
    const signed: PayParams = { ...params, nonce_str: randomBytes(16).toString('hex') };
    signed.sign = payV2Sign(signed, this.apiKey);
    const fields: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(signed)) if (v !== undefined && v !== '') fields[k] = v;
    const body = buildXml(fields);
    for (let attempt = 0; ; attempt++) {
      const x = await this.once(api, path, body, attempt);
      const pay = { returnCode: str(x, 'return_code'), resultCode: str(x, 'result_code'), errCode: str(x, 'err_code') };
      if (pay.returnCode === 'SUCCESS' && pay.resultCode === 'SUCCESS') return x;
      if (RETRYABLE.has(pay.errCode) && attempt < this.retry.retries) {
        await sleep(backoffDelay(attempt, this.retry));
        continue;
      }
      const errmsg = str(x, 'err_code_des') || str(x, 'return_msg');
      throw new WeChatApiError({
        api, errcode: null, errmsg,
        pay: { returnCode: pay.returnCode, ...(pay.resultCode ? { resultCode: pay.resultCode } : {}), ...(pay.errCode ? { errCode: pay.errCode } : {}) },
      });
    }
  }

  private async once(api: string, path: string, body: string, attempt: number): Promise<XmlObject> {
    await this.limiter?.take(`${this.mchId}:${api}`);
    const started = performance.now();
    const log = () => ({ wechat: 'pay', api, owner: this.mchId, ms: Math.round(performance.now() - started), attempt });
    let res;
    try {
      res = await httpRequest({
        method: 'POST', url: joinUrl(this.baseUrl, path), headers: this.headers, body,
        timeoutMs: this.timeoutMs, ...(this.agent ? { agent: this.agent } : {}),
      });
    } catch (err) {
      const errmsg = redactUrl(err instanceof Error ? err.message : String(err));
      this.logger.warn({ ...log(), errcode: null, error: errmsg }, 'wechat call failed');
      throw new WeChatApiError({ api, errcode: null, errmsg, cause: err });
    }
    let x: XmlObject | undefined;
    try {
      x = res.status === 200 ? parseXml(res.body.toString('utf8')) : undefined;
    } catch {
      x = undefined;
    }
    if (!x) {
      this.logger.warn({ ...log(), errcode: null, httpStatus: res.status }, 'wechat call failed');
      throw new WeChatApiError({ api, errcode: null, errmsg: `HTTP ${res.status} without a readable XML body`, httpStatus: res.status });
    }
    const codes = { returnCode: str(x, 'return_code'), resultCode: str(x, 'result_code'), errcode: str(x, 'err_code') || null };
    if (codes.returnCode === 'SUCCESS' && codes.resultCode === 'SUCCESS') this.logger.info({ ...log(), ...codes }, 'wechat call');
    else this.logger.warn({ ...log(), ...codes }, 'wechat call answered an error');
    return x;
  }
}

function str(x: XmlObject, k: string): string {
  const v = x[k];
  return typeof v === 'string' ? v : '';
}
