// Red packets move on with the sandbox clock: a PROCESSING packet is sent after a few seconds (and
// reaches the user then); one not opened within 24 h is refunded to the merchant's balance.
import type { SandboxDeps } from '../deps.ts';
import { logOaMessage } from '../oa/messages.ts';
import type { Merchant, Redpack } from '../store/pay-model.ts';

export function settleMerchant(deps: SandboxDeps, m: Merchant): void {
  const { store } = deps;
  const now = store.nowSec();
  const { refundAfterSec, queryDays } = store.limits.redpack;
  for (const [billno, p] of Object.entries(m.redpacks)) {
    if (p.status === 'SENDING' && p.settlesAt !== undefined && now >= p.settlesAt) {
      p.status = 'SENT';
      p.sendTime = p.settlesAt;
      delete p.settlesAt;
      deliverToUser(deps, m, p);
    }
    if (p.status === 'SENT' && now >= p.sendTime + refundAfterSec) {
      p.status = 'REFUND';
      p.refundTime = p.sendTime + refundAfterSec;
      m.balance += p.amount;
    }
    // Older than the query window: gone from gethbinfo, and from the snapshot.
    if (p.sendTime + (queryDays + 1) * 86400 < now) delete m.redpacks[billno];
  }
  store.changed();
}

/** The packet shows up in the user's chat with the Official Account (wxappid). */
export function deliverToUser(deps: SandboxDeps, m: Merchant, p: Redpack): void {
  const oa = deps.store.data.oas[p.wxappid];
  if (!oa) return;
  logOaMessage(deps.store, oa, {
    kind: 'redpack',
    openid: p.openid,
    content: { mch_id: m.mchId, mch_billno: p.mchBillno, send_listid: p.sendListid, send_name: p.sendName, wishing: p.wishing, act_name: p.actName, amount: p.amount },
  });
}
