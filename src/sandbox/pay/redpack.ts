// sendredpack (reference §7.1, §9.6): signed v2 XML from a merchant holding its client certificate.
// Idempotent by mch_billno (same parameters ⇒ the same packet and answer; different ⇒ FATAL_ERROR);
// amount ¥1–¥200 without scene_id (MONEY_LIMIT), 10 packets and ¥1000 per user per day, a merchant
// daily total, a per-second rate (FREQ_LIMIT), the balance (NOTENOUGH), and injected
// SYSTEMERROR/PROCESSING answers for testing a client's recovery.
import { randomInt } from 'node:crypto';
import { shanghaiDay } from '../clock.ts';
import type { SandboxDeps } from '../deps.ts';
import { personByOpenid } from '../oa/openids.ts';
import type { Merchant, Redpack } from '../store/pay-model.ts';
import { payFail } from './answers.ts';
import { deliverToUser } from './settle.ts';

export const SEND_FIELDS = ['nonce_str', 'sign', 'mch_billno', 'mch_id', 'wxappid', 'send_name', 're_openid', 'total_amount', 'total_num', 'wishing', 'client_ip', 'act_name', 'remark'] as const;
const MAX_CHARS: Record<string, number> = { send_name: 32, wishing: 128, act_name: 32, remark: 256, nonce_str: 32 };
const SCENES = /^PRODUCT_[1-8]$/;

export type SendParams = Record<string, string>;

/** Every parameter but sign and nonce_str: what a retry with the same mch_billno must repeat. */
const paramsKey = (p: SendParams) =>
  JSON.stringify(Object.keys(p).filter((k) => k !== 'sign' && k !== 'nonce_str' && p[k] !== '').sort().map((k) => [k, p[k]]));

export function checkSendFields(p: SendParams): void {
  for (const f of SEND_FIELDS) if (!p[f]) payFail('PARAM_ERROR', `参数错误：缺少 ${f}`);
  if (!/^[0-9A-Za-z]{1,28}$/.test(p.mch_billno as string)) payFail('PARAM_ERROR', '参数错误：mch_billno 须为 1-28 位字母或数字');
  if (!/^[1-9]\d{0,9}$/.test(p.total_amount as string)) payFail('PARAM_ERROR', '参数错误：total_amount 须为正整数（分）');
  if (p.total_num !== '1') payFail('PARAM_ERROR', '参数错误：total_num 须为 1');
  for (const [f, max] of Object.entries(MAX_CHARS)) if (p[f] && [...(p[f] as string)].length > max) payFail('PARAM_ERROR', `参数错误：${f} 超过 ${max} 个字符`);
  if (p.scene_id && !SCENES.test(p.scene_id)) payFail('PARAM_ERROR', '参数错误：scene_id 须为 PRODUCT_1 至 PRODUCT_8');
}

export type SendOutcome = { kind: 'success' | 'processing'; packet: Redpack } | { kind: 'injected'; errCode: string; packet?: Redpack };

export interface SendContext {
  deps: SandboxDeps;
  m: Merchant;
  /** Sends this second, per merchant (FREQ_LIMIT). */
  rate: { second: number; count: number };
}

export function sendRedpack({ deps, m, rate }: SendContext, p: SendParams): SendOutcome {
  const { store } = deps;
  const limits = store.limits.redpack;
  const billno = p.mch_billno as string;
  const existing = m.redpacks[billno];
  if (existing) {
    if (existing.paramsKey !== paramsKey(p)) payFail('FATAL_ERROR');
    return { kind: existing.status === 'SENDING' ? 'processing' : 'success', packet: existing };
  }
  if (!m.appids.includes(p.wxappid as string)) payFail('ILLEGAL_APPID');
  const oa = store.data.oas[p.wxappid as string];
  const person = oa ? personByOpenid(store, oa, p.re_openid) : undefined;
  if (!oa || !person) payFail('OPENID_ERROR');

  const injection = m.injections[0];
  if (injection) {
    if (--injection.times <= 0) m.injections.shift();
    const sent = injection.errCode === 'PROCESSING' || (injection.sent && (injection.errCode === 'SYSTEMERROR' || injection.errCode === 'SEND_FAILED'));
    if (!sent) return { kind: 'injected', errCode: injection.errCode };
  }
  const now = store.nowSec();
  if (rate.second !== now) Object.assign(rate, { second: now, count: 0 });
  if (++rate.count > limits.perSecond) payFail('FREQ_LIMIT');
  const amount = Number(p.total_amount);
  const [min, max] = p.scene_id ? [limits.sceneMinFen, limits.sceneMaxFen] : [limits.minFen, limits.maxFen];
  if (amount < min || amount > max) payFail('MONEY_LIMIT', `每个红包的金额必须在${(min / 100).toFixed(2)}元到${(max / 100).toFixed(2)}元之间`);
  const day = shanghaiDay(store.clock.now());
  const today = m.days[day] ?? { amount: 0, users: {} };
  const user = today.users[p.re_openid as string] ?? { count: 0, amount: 0 };
  if (user.count >= limits.perUserPerDay) payFail('SENDNUM_LIMIT');
  if (user.amount + amount > limits.userFenPerDay) payFail('RCVDAMOUNT_LIMIT');
  if (today.amount + amount > limits.merchantFenPerDay) payFail('SENDAMOUNT_LIMIT');
  if (m.balance < amount) payFail('NOTENOUGH');

  m.balance -= amount;
  m.days = { [day]: { amount: today.amount + amount, users: { ...today.users, [p.re_openid as string]: { count: user.count + 1, amount: user.amount + amount } } } };
  const processing = injection?.errCode === 'PROCESSING';
  const packet: Redpack = {
    mchBillno: billno,
    paramsKey: paramsKey(p),
    sendListid: `1000041701${day.replaceAll('-', '')}${String(randomInt(1e9)).padStart(9, '0')}${String(store.nextSeq() % 10)}`,
    wxappid: p.wxappid as string,
    openid: p.re_openid as string,
    personId: person.id,
    amount,
    sendName: p.send_name as string,
    wishing: p.wishing as string,
    actName: p.act_name as string,
    remark: p.remark as string,
    ...(p.scene_id ? { sceneId: p.scene_id } : {}),
    status: processing ? 'SENDING' : 'SENT',
    sendTime: now,
    ...(processing ? { settlesAt: now + limits.processingSec } : {}),
  };
  m.redpacks[billno] = packet;
  if (!processing) deliverToUser(deps, m, packet);
  store.changed();
  if (injection) return { kind: 'injected', errCode: injection.errCode, packet };
  return { kind: 'success', packet };
}
