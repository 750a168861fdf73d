// Wire shapes of WeChat Pay v2 cash red packets (reference §7.1). Amounts are fen.

export interface SendRedPackRequest {
  /** Unique, [0-9a-zA-Z], ≤ 28: the idempotency key (retry with the same one, never a new one). */
  mch_billno: string;
  /** OA appid bound to the merchant; re_openid belongs to it. */
  wxappid: string;
  send_name: string;
  re_openid: string;
  /** Fen; 100–20 000 by default. */
  total_amount: number;
  wishing: string;
  client_ip: string;
  act_name: string;
  remark: string;
  /** Required outside ¥1–¥200 (PRODUCT_1…PRODUCT_8). */
  scene_id?: string;
  risk_info?: string;
}

export interface SendRedPackResult {
  mch_billno: string;
  mch_id: string;
  wxappid: string;
  re_openid: string;
  total_amount: number;
  /** WeChat's red packet order id. */
  send_listid?: string;
}

export interface RedPackReceipt {
  openid: string;
  amount: number;
  rcv_time: string;
}

export interface RedPackInfo {
  mch_billno: string;
  mch_id: string;
  detail_id: string;
  /** SENDING, SENT, FAILED, RECEIVED, RFUND_ING, REFUND. */
  status: string;
  send_type: string;
  hb_type: string;
  total_num: number;
  total_amount: number;
  reason?: string;
  send_time: string;
  refund_time?: string;
  refund_amount?: number;
  wishing: string;
  remark: string;
  act_name: string;
  hblist: RedPackReceipt[];
}
