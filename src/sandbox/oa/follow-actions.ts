// What WeChat users do to an Official Account (reference §6.4, §9.2): follow (plain, or by scanning a
// parametric code: `subscribe` with EventKey `qrscene_<scene>` + Ticket), scan again while following
// (`SCAN` with the raw scene, no new follow), unfollow, re-follow (a new `subscribe`, same openid), and
// write to the account (opens the 48-hour customer-service window).
import type { Delivery } from '../callbacks/dispatcher.ts';
import type { DeliveryFaults } from '../callbacks/faults.ts';
import type { SandboxDeps } from '../deps.ts';
import type { Person } from '../store/model.ts';
import type { OaFollower, OaQrCode, OfficialAccount } from '../store/oa-model.ts';
import { ActionError } from '../wecom/contact-actions.ts';
import { emitOaEvent, emitOaText } from './events.ts';
import { logOaMessage } from './messages.ts';
import { openidFor } from './openids.ts';
import { windowOpen } from './windows.ts';

export type OaOutcome = 'subscribed' | 'already_following' | 'scanned' | 'expired' | 'unsubscribed' | 'not_following' | 'sent';

export interface OaResult {
  outcome: OaOutcome;
  appid: string;
  openid: string;
  event_key?: string;
  deliveries: Delivery[];
}

export const SUBSCRIBE_SCENES = [
  'ADD_SCENE_SEARCH', 'ADD_SCENE_ACCOUNT_MIGRATION', 'ADD_SCENE_PROFILE_CARD', 'ADD_SCENE_QR_CODE', 'ADD_SCENE_PROFILE_LINK',
  'ADD_SCENE_PROFILE_ITEM', 'ADD_SCENE_PAID', 'ADD_SCENE_WECHAT_ADVERTISEMENT', 'ADD_SCENE_REPRINT', 'ADD_SCENE_LIVESTREAM',
  'ADD_SCENE_CHANNELS', 'ADD_SCENE_OTHERS',
] as const;
export type SubscribeScene = (typeof SUBSCRIBE_SCENES)[number];

export const qrSceneValue = (qr: OaQrCode) => qr.sceneStr ?? String(qr.sceneId ?? 0);

export const qrExpired = (deps: SandboxDeps, qr: OaQrCode) => qr.expiresAt !== undefined && deps.store.nowSec() >= qr.expiresAt;

export interface FollowOptions {
  scene?: SubscribeScene;
  qr?: OaQrCode;
  faults?: DeliveryFaults;
}

export function follow(deps: SandboxDeps, oa: OfficialAccount, person: Person, opts: FollowOptions = {}): OaResult {
  const { store } = deps;
  const openid = openidFor(oa, person);
  const base = { appid: oa.appid, openid };
  const { qr } = opts;
  if (qr && qrExpired(deps, qr)) return { ...base, outcome: 'expired', deliveries: [] };
  const existing = oa.followers[openid];
  if (existing?.subscribed) {
    if (!qr) return { ...base, outcome: 'already_following', deliveries: [] };
    windowOpen(store, existing, 'scan');
    const eventKey = qrSceneValue(qr);
    return { ...base, outcome: 'scanned', event_key: eventKey, deliveries: [emitOaEvent(deps, oa, openid, { event: 'SCAN', eventKey, ticket: qr.ticket }, opts.faults)] };
  }
  const now = store.nowSec();
  const f: OaFollower = existing ?? { openid, personId: person.id, subscribed: true, subscribeTime: now, subscribeScene: '', qrScene: 0, qrSceneStr: '', remark: '', tagidList: [], refuseTemplates: false, windows: [] };
  Object.assign(f, {
    subscribed: true,
    subscribeTime: now,
    subscribeScene: qr ? 'ADD_SCENE_QR_CODE' : (opts.scene ?? 'ADD_SCENE_SEARCH'),
    qrScene: qr?.sceneId ?? 0,
    qrSceneStr: qr?.sceneStr ?? '',
  });
  delete f.unsubscribeTime;
  oa.followers[openid] = f;
  windowOpen(store, f, 'subscribe');
  store.changed();
  const eventKey = qr ? `qrscene_${qrSceneValue(qr)}` : undefined;
  const ev = qr ? { event: 'subscribe' as const, eventKey: eventKey as string, ticket: qr.ticket } : { event: 'subscribe' as const };
  return { ...base, outcome: 'subscribed', ...(eventKey ? { event_key: eventKey } : {}), deliveries: [emitOaEvent(deps, oa, openid, ev, opts.faults)] };
}

export function unfollow(deps: SandboxDeps, oa: OfficialAccount, person: Person, faults?: DeliveryFaults): OaResult {
  const openid = openidFor(oa, person);
  const f = oa.followers[openid];
  if (!f?.subscribed) return { appid: oa.appid, openid, outcome: 'not_following', deliveries: [] };
  f.subscribed = false;
  f.unsubscribeTime = deps.store.nowSec();
  f.windows = [];
  deps.store.changed();
  return { appid: oa.appid, openid, outcome: 'unsubscribed', deliveries: [emitOaEvent(deps, oa, openid, { event: 'unsubscribe' }, faults)] };
}

/** The user writes to the account: a text push with a MsgId, and 20 replies allowed within 48 h. */
export function writeToOa(deps: SandboxDeps, oa: OfficialAccount, person: Person, content: string, faults?: DeliveryFaults): OaResult {
  const openid = openidFor(oa, person);
  const f = oa.followers[openid];
  if (!f?.subscribed) throw new ActionError(409, `${person.id} does not follow ${oa.appid}, so cannot write to it`);
  windowOpen(deps.store, f, 'message');
  const msgId = String(24_000_000_000_000_000n + BigInt(deps.store.nextSeq()));
  logOaMessage(deps.store, oa, { kind: 'user', openid, content: { msgtype: 'text', text: { content }, msgid: msgId } });
  return { appid: oa.appid, openid, outcome: 'sent', deliveries: [emitOaText(deps, oa, openid, content, msgId, faults)] };
}
