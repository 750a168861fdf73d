// The one error a WeChat client throws. WeCom and OA answer with a numeric errcode; WeChat Pay v2
// with return_code/result_code/err_code strings; transport failures (timeout, refused, non-200,
// unreadable body) carry neither. The service maps this to AppError('wechat_error') at its edges.

export interface PayErrorFields {
  returnCode: string;
  resultCode?: string;
  /** e.g. SYSTEMERROR, NOTENOUGH, SENDNUM_LIMIT (reference §7.1). */
  errCode?: string;
}

export interface WeChatApiErrorInit {
  api: string;
  /** WeCom/OA errcode; null for Pay business errors and transport failures. */
  errcode: number | null;
  errmsg: string;
  pay?: PayErrorFields;
  httpStatus?: number;
  cause?: unknown;
}

export class WeChatApiError extends Error {
  readonly api: string;
  readonly errcode: number | null;
  readonly errmsg: string;
  readonly pay: PayErrorFields | undefined;
  readonly httpStatus: number | undefined;

  constructor(init: WeChatApiErrorInit) {
    const code = init.pay ? (init.pay.errCode ?? init.pay.returnCode) : init.errcode === null ? 'transport' : `errcode ${init.errcode}`;
    super(`WeChat ${init.api} failed (${code}): ${init.errmsg}`, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'WeChatApiError';
    this.api = init.api;
    this.errcode = init.errcode;
    this.errmsg = init.errmsg;
    this.pay = init.pay;
    this.httpStatus = init.httpStatus;
  }

  /** True when the request never got a WeChat answer (network, timeout, non-200, garbage). */
  get isTransport(): boolean {
    return this.errcode === null && !this.pay;
  }
}
