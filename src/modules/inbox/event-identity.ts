// The type and dedupe key of a callback. WeChat re-sends a callback it thinks failed with the same
// fields (CreateTime included), so these keys make a re-delivery collide with the first copy.
import { createHash } from 'node:crypto';
import type { OaEvent } from '../../wechat/oa/events.ts';
import type { WecomEvent } from '../../wechat/protocol/index.ts';
import type { InboxPayloads, InboxSource } from './inbox-item.ts';

export interface EventIdentity {
  eventType: string;
  dedupeKey: string;
}

const MAX_KEY = 200;

/** Keeps keys indexable: a long one (e.g. a big member list) becomes its readable head plus a hash. */
function bounded(key: string): string {
  if (key.length <= MAX_KEY) return key;
  return `${key.slice(0, 80)}#${createHash('sha256').update(key).digest('hex')}`;
}

const typeOf = (msgType: string, event: string | undefined) => (msgType === 'event' && event ? event.toLowerCase() : `message:${msgType.toLowerCase()}`);

export function identifyWecomEvent(e: WecomEvent): EventIdentity {
  switch (e.kind) {
    case 'change_external_contact': {
      // A welcome code is unique per add and kept on re-delivery: it tells a delete-and-re-add within
      // one second from a replay (CreateTime has whole seconds).
      const addKey = 'welcomeCode' in e && e.welcomeCode ? `:${e.welcomeCode}` : '';
      return { eventType: e.kind, dedupeKey: bounded(`contact:${e.changeType}:${e.createTime}:${e.userId}:${e.externalUserId}${addKey}`) };
    }
    case 'change_external_chat': {
      const members = [...(e.memChangeList ?? [])].sort().join(',');
      return { eventType: e.kind, dedupeKey: bounded(`chat:${e.changeType}:${e.createTime}:${e.chatId}:${e.updateDetail ?? ''}:${members}`) };
    }
    case 'change_external_tag':
      return { eventType: e.kind, dedupeKey: bounded(`tag:${e.changeType}:${e.createTime}:${e.tagType}:${e.id}`) };
    default: {
      const msgId = typeof e.fields.MsgId === 'string' ? e.fields.MsgId : undefined;
      const eventType = typeOf(e.msgType, e.event);
      return { eventType, dedupeKey: bounded(msgId ? `msg:${msgId}` : `event:${e.fromUserName}:${e.createTime}:${eventType}`) };
    }
  }
}

export function identifyOaEvent(e: OaEvent): EventIdentity {
  const base = `${e.fromUserName}:${e.createTime}`;
  switch (e.kind) {
    case 'subscribe':
      return { eventType: 'subscribe', dedupeKey: bounded(`event:${base}:subscribe:${e.scene ?? ''}`) };
    case 'scan':
      return { eventType: 'scan', dedupeKey: bounded(`event:${base}:scan:${e.scene}`) };
    case 'unsubscribe':
      return { eventType: 'unsubscribe', dedupeKey: `event:${base}:unsubscribe` };
    case 'template_send_job_finish':
      return { eventType: 'templatesendjobfinish', dedupeKey: bounded(`event:${base}:templatesendjobfinish:${e.msgId}`) };
    default: {
      const eventType = typeOf(e.msgType, e.event);
      return { eventType, dedupeKey: bounded(e.msgId ? `msg:${e.msgId}` : `event:${base}:${eventType}:${e.eventKey ?? ''}`) };
    }
  }
}

export function identifyEvent<S extends InboxSource>(source: S, event: InboxPayloads[S]): EventIdentity {
  return source === 'wecom' ? identifyWecomEvent(event as WecomEvent) : identifyOaEvent(event as OaEvent);
}
