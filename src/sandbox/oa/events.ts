// Pushes an Official Account's server receives (reference §6.3, §6.4): follow/unfollow, QR scans,
// template-job results and messages users write. Built as WeChat writes them and handed to the
// dispatcher with the account's plain/safe sealing.
import { bare, buildXml } from '../../wechat/protocol/xml.ts';
import type { XmlFields } from '../../wechat/protocol/xml.ts';
import type { Delivery } from '../callbacks/dispatcher.ts';
import type { DeliveryFaults } from '../callbacks/faults.ts';
import type { SandboxDeps } from '../deps.ts';
import type { OfficialAccount } from '../store/oa-model.ts';
import { oaTarget } from './callback-target.ts';

export type OaEvent =
  | { event: 'subscribe'; eventKey?: string; ticket?: string }
  | { event: 'SCAN'; eventKey: string; ticket: string }
  | { event: 'unsubscribe' }
  | { event: 'TEMPLATESENDJOBFINISH'; msgId: number; status: string };

function eventFields(ev: OaEvent): XmlFields {
  switch (ev.event) {
    case 'subscribe':
      return { Event: 'subscribe', EventKey: ev.eventKey ?? '', Ticket: ev.ticket };
    case 'SCAN':
      return { Event: 'SCAN', EventKey: ev.eventKey, Ticket: ev.ticket };
    case 'unsubscribe':
      return { Event: 'unsubscribe', EventKey: '' };
    case 'TEMPLATESENDJOBFINISH':
      return { Event: 'TEMPLATESENDJOBFINISH', MsgID: ev.msgId, Status: ev.status };
  }
}

function push(deps: SandboxDeps, oa: OfficialAccount, openid: string, kind: string, body: (createTime: number) => XmlFields, interactive: boolean, faults?: DeliveryFaults): Delivery {
  const createTime = deps.store.nowSec();
  const xml = buildXml({ ToUserName: oa.originalId, FromUserName: openid, CreateTime: createTime, ...body(createTime) });
  const target = oaTarget(deps.store, oa, { openid, interactive });
  return deps.dispatcher.sendTo({ appid: oa.appid }, target, { kind, createTime, xml }, faults);
}

export function emitOaEvent(deps: SandboxDeps, oa: OfficialAccount, openid: string, ev: OaEvent, faults?: DeliveryFaults): Delivery {
  // Follow and scan are answered by the account (a passive reply); the others reach nobody.
  const interactive = ev.event === 'subscribe' || ev.event === 'SCAN';
  return push(deps, oa, openid, `event/${ev.event}`, () => ({ MsgType: 'event', ...eventFields(ev) }), interactive, faults);
}

/** A text message the user writes to the account; MsgId is a 64-bit id (kept exact as bare text). */
export function emitOaText(deps: SandboxDeps, oa: OfficialAccount, openid: string, content: string, msgId: string, faults?: DeliveryFaults): Delivery {
  return push(deps, oa, openid, 'text', () => ({ MsgType: 'text', Content: content, MsgId: bare(msgId) }), true, faults);
}
