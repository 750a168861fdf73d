// Decrypted WeCom event bodies for customer contact (reference §3.2), customer groups (§4.3) and
// corp tags. Builders emit fields in the order WeChat does; the parser accepts any order.
import { bare, buildXml, parseXml, requireXmlText, xmlInt, xmlText } from './xml.ts';
import type { XmlObject } from './xml.ts';

export type ExternalContactChangeType =
  | 'add_external_contact'
  | 'edit_external_contact'
  | 'add_half_external_contact'
  | 'del_external_contact'
  | 'del_follow_user'
  | 'transfer_fail';

interface EventHead {
  toUserName: string;
  fromUserName: string;
  createTime: number;
}

export interface ExternalContactEvent extends EventHead {
  kind: 'change_external_contact';
  changeType: ExternalContactChangeType;
  userId: string;
  externalUserId: string;
  state?: string;
  welcomeCode?: string;
  /** del_external_contact: `DELETE_BY_TRANSFER` when removed by an in-service transfer. */
  source?: string;
  /** transfer_fail: `customer_refused` | `customer_limit_exceed`. */
  failReason?: string;
}

export type ExternalChatChangeType = 'create' | 'update' | 'dismiss';
export type ExternalChatUpdateDetail = 'add_member' | 'del_member' | 'change_owner' | 'change_name' | 'change_notice';

export interface ExternalChatEvent extends EventHead {
  kind: 'change_external_chat';
  chatId: string;
  changeType: ExternalChatChangeType;
  updateDetail?: ExternalChatUpdateDetail;
  /** add_member: 0 invited by a member, 3 scanned the group QR. */
  joinScene?: number;
  /** del_member: 0 left, 1 removed by owner/admin. */
  quitScene?: number;
  memChangeCnt?: number;
  memChangeList?: string[];
  lastMemVer?: string;
  curMemVer?: string;
}

export interface ExternalTagEvent extends EventHead {
  kind: 'change_external_tag';
  id: string;
  tagType: string;
  changeType: string;
  strategyId?: string;
}

/** Anything else (messages, other events): the raw string fields. */
export interface OtherWecomMessage extends EventHead {
  kind: 'other';
  msgType: string;
  event?: string;
  fields: XmlObject;
}

export type WecomEvent = ExternalContactEvent | ExternalChatEvent | ExternalTagEvent | OtherWecomMessage;

const optional = <K extends string>(key: K, v: string | undefined) => (v ? { [key]: v } : {}) as { [P in K]?: string };

export function parseWecomEvent(xml: string): WecomEvent {
  const x = parseXml(xml);
  const head: EventHead = {
    toUserName: xmlText(x, 'ToUserName') ?? '',
    fromUserName: xmlText(x, 'FromUserName') ?? '',
    createTime: xmlInt(x, 'CreateTime') ?? 0,
  };
  const event = xmlText(x, 'Event');
  if (event === 'change_external_contact') {
    return {
      kind: event,
      ...head,
      changeType: requireXmlText(x, 'ChangeType') as ExternalContactChangeType,
      userId: requireXmlText(x, 'UserID'),
      externalUserId: requireXmlText(x, 'ExternalUserID'),
      ...optional('state', xmlText(x, 'State')),
      ...optional('welcomeCode', xmlText(x, 'WelcomeCode')),
      ...optional('source', xmlText(x, 'Source')),
      ...optional('failReason', xmlText(x, 'FailReason')),
    };
  }
  if (event === 'change_external_chat') return parseChatEvent(x, head);
  if (event === 'change_external_tag') {
    return {
      kind: event,
      ...head,
      id: requireXmlText(x, 'Id'),
      tagType: requireXmlText(x, 'TagType'),
      changeType: requireXmlText(x, 'ChangeType'),
      ...optional('strategyId', xmlText(x, 'StrategyId')),
    };
  }
  return { kind: 'other', ...head, msgType: xmlText(x, 'MsgType') ?? '', ...optional('event', event), fields: x };
}

function parseChatEvent(x: XmlObject, head: EventHead): ExternalChatEvent {
  const ev: ExternalChatEvent = {
    kind: 'change_external_chat',
    ...head,
    chatId: requireXmlText(x, 'ChatId'),
    changeType: requireXmlText(x, 'ChangeType') as ExternalChatChangeType,
  };
  const detail = xmlText(x, 'UpdateDetail');
  if (detail) ev.updateDetail = detail as ExternalChatUpdateDetail;
  const joinScene = xmlInt(x, 'JoinScene');
  if (joinScene !== undefined) ev.joinScene = joinScene;
  const quitScene = xmlInt(x, 'QuitScene');
  if (quitScene !== undefined) ev.quitScene = quitScene;
  const cnt = xmlInt(x, 'MemChangeCnt');
  if (cnt !== undefined) ev.memChangeCnt = cnt;
  const list = x.MemChangeList;
  // Current format: repeated <Item>; older deliveries: one comma-separated string.
  if (typeof list === 'string') ev.memChangeList = list.split(',').filter(Boolean);
  else if (list && typeof list === 'object' && !Array.isArray(list)) {
    const items = list.Item;
    ev.memChangeList = Array.isArray(items) ? items.filter((i): i is string => typeof i === 'string') : [];
  }
  const last = xmlText(x, 'LastMemVer');
  if (last) ev.lastMemVer = last;
  const cur = xmlText(x, 'CurMemVer');
  if (cur) ev.curMemVer = cur;
  return ev;
}

const head = (e: EventHead, event: string) => ({
  ToUserName: e.toUserName,
  FromUserName: e.fromUserName,
  CreateTime: e.createTime,
  MsgType: 'event',
  Event: event,
});

export function buildExternalContactEventXml(e: Omit<ExternalContactEvent, 'kind'>): string {
  if (e.changeType === 'transfer_fail') {
    return buildXml({ ...head(e, 'change_external_contact'), ChangeType: e.changeType, FailReason: e.failReason, UserID: e.userId, ExternalUserID: e.externalUserId });
  }
  return buildXml({
    ...head(e, 'change_external_contact'),
    ChangeType: e.changeType,
    UserID: e.userId,
    ExternalUserID: e.externalUserId,
    State: e.state,
    WelcomeCode: e.welcomeCode,
    Source: e.source,
  });
}

export function buildExternalChatEventXml(e: Omit<ExternalChatEvent, 'kind'>): string {
  const base = { ...head(e, 'change_external_chat'), ChatId: e.chatId, ChangeType: e.changeType };
  if (e.changeType !== 'update') return buildXml(base);
  const memberChange = e.updateDetail === 'add_member' || e.updateDetail === 'del_member';
  return buildXml({
    ...base,
    UpdateDetail: e.updateDetail,
    ...(memberChange
      ? {
          JoinScene: e.joinScene ?? 0,
          QuitScene: e.quitScene ?? 0,
          MemChangeCnt: e.memChangeCnt ?? e.memChangeList?.length ?? 0,
          MemChangeList: e.memChangeList ? { Item: e.memChangeList.map(bare) } : undefined,
          LastMemVer: e.lastMemVer === undefined ? undefined : bare(e.lastMemVer),
          CurMemVer: e.curMemVer === undefined ? undefined : bare(e.curMemVer),
        }
      : {}),
  });
}

export function buildExternalTagEventXml(e: Omit<ExternalTagEvent, 'kind'>): string {
  return buildXml({
    ...head(e, 'change_external_tag'),
    Id: e.id,
    TagType: e.tagType,
    ChangeType: e.changeType,
    StrategyId: e.strategyId,
  });
}
