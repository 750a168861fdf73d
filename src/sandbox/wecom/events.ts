// Callback events the WeCom side emits, built with the shared protocol code and handed to the
// dispatcher (which encrypts, signs and posts them to the corp's callback URL).
import { buildExternalChatEventXml, buildExternalContactEventXml } from '../../wechat/protocol/wecom-events.ts';
import type { ExternalChatEvent, ExternalContactEvent } from '../../wechat/protocol/wecom-events.ts';
import type { Delivery } from '../callbacks/dispatcher.ts';
import type { DeliveryFaults } from '../callbacks/faults.ts';
import type { SandboxDeps } from '../deps.ts';
import type { Corp } from '../store/model.ts';

type Head = 'kind' | 'toUserName' | 'fromUserName' | 'createTime';

export function emitContactEvent(deps: SandboxDeps, corp: Corp, ev: Omit<ExternalContactEvent, Head>, faults?: DeliveryFaults): Delivery {
  const createTime = deps.store.nowSec();
  const xml = buildExternalContactEventXml({ toUserName: corp.corpid, fromUserName: 'sys', createTime, ...ev });
  return deps.dispatcher.send(corp.corpid, corp.callback, { kind: `change_external_contact/${ev.changeType}`, createTime, xml }, faults);
}

export function emitChatEvent(deps: SandboxDeps, corp: Corp, ev: Omit<ExternalChatEvent, Head>, faults?: DeliveryFaults): Delivery {
  const createTime = deps.store.nowSec();
  const xml = buildExternalChatEventXml({ toUserName: corp.corpid, fromUserName: 'sys', createTime, ...ev });
  const kind = `change_external_chat/${ev.changeType}${ev.updateDetail ? `/${ev.updateDetail}` : ''}`;
  return deps.dispatcher.send(corp.corpid, corp.callback, { kind, createTime, xml }, faults);
}
