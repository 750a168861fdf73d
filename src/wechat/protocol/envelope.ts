// The outer XML of an encrypted callback and of an encrypted passive reply (reference §2).
import { bare, buildXml, parseXml, requireXmlText, xmlText } from './xml.ts';

export interface CallbackEnvelope {
  /** corpid (WeCom), suiteid (third-party suite) or the OA original id `gh_…`. */
  toUserName: string;
  /** Only on app-related WeCom callbacks. */
  agentId?: string;
  encrypt: string;
}

export function buildEnvelope(e: CallbackEnvelope): string {
  return buildXml({ ToUserName: e.toUserName, AgentID: e.agentId, Encrypt: e.encrypt });
}

export function parseEnvelope(xml: string): CallbackEnvelope {
  const root = parseXml(xml);
  const agentId = xmlText(root, 'AgentID');
  return {
    toUserName: xmlText(root, 'ToUserName') ?? '',
    ...(agentId ? { agentId } : {}),
    encrypt: requireXmlText(root, 'Encrypt'),
  };
}

export interface ReplyEnvelope {
  encrypt: string;
  msgSignature: string;
  timestamp: string;
  nonce: string;
}

export function buildReplyEnvelope(r: ReplyEnvelope): string {
  return buildXml({ Encrypt: r.encrypt, MsgSignature: r.msgSignature, TimeStamp: bare(r.timestamp), Nonce: r.nonce });
}

export function parseReplyEnvelope(xml: string): ReplyEnvelope {
  const root = parseXml(xml);
  return {
    encrypt: requireXmlText(root, 'Encrypt'),
    msgSignature: requireXmlText(root, 'MsgSignature'),
    timestamp: requireXmlText(root, 'TimeStamp'),
    nonce: requireXmlText(root, 'Nonce'),
  };
}
