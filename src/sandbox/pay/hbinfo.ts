// gethbinfo's answer (reference §7.1): the packet's status (SENDING, SENT, RECEIVED, REFUND…), times
// as `yyyy-MM-dd HH:mm:ss` in Asia/Shanghai, and the receiver once it was opened.
import type { Merchant, Redpack } from '../store/pay-model.ts';
import { successXml } from './answers.ts';

const shanghaiTime = (sec: number) => new Date(sec * 1000 + 8 * 3600 * 1000).toISOString().slice(0, 19).replace('T', ' ');

export function hbInfoXml(m: Merchant, p: Redpack): string {
  return successXml(
    {
      mch_billno: p.mchBillno,
      mch_id: m.mchId,
      detail_id: p.sendListid,
      status: p.status,
      send_type: 'API',
      hb_type: 'NORMAL',
      total_num: 1,
      total_amount: p.amount,
      send_time: shanghaiTime(p.sendTime),
      ...(p.refundTime !== undefined ? { refund_time: shanghaiTime(p.refundTime), refund_amount: p.amount } : {}),
      wishing: p.wishing,
      remark: p.remark,
      act_name: p.actName,
      ...(p.rcvTime !== undefined ? { hblist: { hbinfo: [{ openid: p.openid, amount: p.amount, rcv_time: shanghaiTime(p.rcvTime) }] } } : {}),
    },
    'OK',
  );
}
