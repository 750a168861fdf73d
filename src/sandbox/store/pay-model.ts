// WeChat Pay merchant state for cash red packets (reference §7.1). Money in fen, times in Unix seconds.

export type RedpackStatus = 'SENDING' | 'SENT' | 'FAILED' | 'RECEIVED' | 'RFUND_ING' | 'REFUND';

export interface Redpack {
  mchBillno: string;
  /** The request's parameters (without sign and nonce_str) in a canonical form: a retry must match. */
  paramsKey: string;
  sendListid: string;
  wxappid: string;
  openid: string;
  personId: string;
  amount: number;
  sendName: string;
  wishing: string;
  actName: string;
  remark: string;
  sceneId?: string;
  status: RedpackStatus;
  sendTime: number;
  /** PROCESSING packets become SENT at this time. */
  settlesAt?: number;
  rcvTime?: number;
  refundTime?: number;
}

export interface RedpackInjection {
  errCode: string;
  /** Calls left to answer with this error. */
  times: number;
  /** SYSTEMERROR / SEND_FAILED: whether the packet was nevertheless sent (an honest "unknown"). */
  sent: boolean;
}

export interface Merchant {
  mchId: string;
  name: string;
  /** APIv2 key: MD5 signatures. */
  key: string;
  /** Red-packet balance in fen. */
  balance: number;
  /** AppIDs bound to the merchant (wxappid must be one of them). */
  appids: string[];
  createdAt: number;
  redpacks: Record<string, Redpack>;
  /** Day (Asia/Shanghai) → what was sent that day, for the daily limits. */
  days: Record<string, { amount: number; users: Record<string, { count: number; amount: number }> }>;
  /** Errors to answer the next sendredpack calls with (test hook). */
  injections: RedpackInjection[];
}
