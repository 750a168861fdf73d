// Official Account messages and events pushed to the server URL (reference §6.4), parsed from the
// plaintext XML (plain mode, or after decrypting safe mode). Leaves stay strings except CreateTime.
import { parseXml, xmlInt, xmlText, type XmlObject } from '../protocol/index.ts';

interface OaHead {
  /** The OA's original id (gh_…). */
  toUserName: string;
  /** The user's openid. */
  fromUserName: string;
  createTime: number;
}

export interface OaSubscribeEvent extends OaHead {
  kind: 'subscribe';
  /** Scene of the parametric QR (EventKey without `qrscene_`); absent for a plain follow. */
  scene?: string;
  ticket?: string;
}

export interface OaScanEvent extends OaHead {
  kind: 'scan';
  /** Already following, scanned a parametric QR: the raw scene. */
  scene: string;
  ticket?: string;
}

export interface OaUnsubscribeEvent extends OaHead {
  kind: 'unsubscribe';
}

export interface OaTemplateFinishEvent extends OaHead {
  kind: 'template_send_job_finish';
  msgId: string;
  /** `success`, `failed:user block`, `failed: system failed`. */
  status: string;
}

export interface OaOtherMessage extends OaHead {
  kind: 'other';
  msgType: string;
  event?: string;
  eventKey?: string;
  msgId?: string;
  fields: XmlObject;
}

export type OaEvent = OaSubscribeEvent | OaScanEvent | OaUnsubscribeEvent | OaTemplateFinishEvent | OaOtherMessage;

const SCENE_PREFIX = 'qrscene_';

export function parseOaEvent(xml: string): OaEvent {
  const x = parseXml(xml);
  const head: OaHead = {
    toUserName: xmlText(x, 'ToUserName') ?? '',
    fromUserName: xmlText(x, 'FromUserName') ?? '',
    createTime: xmlInt(x, 'CreateTime') ?? 0,
  };
  const msgType = xmlText(x, 'MsgType') ?? '';
  const event = msgType === 'event' ? xmlText(x, 'Event') : undefined;
  const eventKey = xmlText(x, 'EventKey');
  const ticket = xmlText(x, 'Ticket');
  const withTicket = ticket ? { ticket } : {};
  switch (event?.toLowerCase()) {
    case 'subscribe': {
      const scene = eventKey?.startsWith(SCENE_PREFIX) ? eventKey.slice(SCENE_PREFIX.length) : undefined;
      return { kind: 'subscribe', ...head, ...(scene ? { scene } : {}), ...withTicket };
    }
    case 'scan':
      return { kind: 'scan', ...head, scene: eventKey ?? '', ...withTicket };
    case 'unsubscribe':
      return { kind: 'unsubscribe', ...head };
    case 'templatesendjobfinish':
      return { kind: 'template_send_job_finish', ...head, msgId: xmlText(x, 'MsgID') ?? '', status: xmlText(x, 'Status') ?? '' };
  }
  const msgId = xmlText(x, 'MsgId');
  return {
    kind: 'other', ...head, msgType,
    ...(event ? { event } : {}), ...(eventKey ? { eventKey } : {}), ...(msgId ? { msgId } : {}),
    fields: x,
  };
}
