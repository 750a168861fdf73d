// How an Official Account's server receives pushes (reference §6.3). Plain mode: the XML as is, with
// `signature` (SHA-1 of token, timestamp, nonce), `timestamp`, `nonce`, `openid`. Safe mode adds
// `encrypt_type=aes` and `msg_signature`, the body being `<ToUserName>gh_…</ToUserName><Encrypt>…`
// encrypted with receiveid = AppID. The answer may be a passive reply (plain XML, or in safe mode
// the 4-field encrypted envelope); anything else but "success"/empty shows the user WeChat's error.
import { createCallbackCrypto } from '../../wechat/protocol/callback-crypto.ts';
import { buildEnvelope, parseReplyEnvelope } from '../../wechat/protocol/envelope.ts';
import { msgSignature, plainSignature } from '../../wechat/protocol/signature.ts';
import { parseXml, xmlText } from '../../wechat/protocol/xml.ts';
import type { XmlObject } from '../../wechat/protocol/xml.ts';
import type { CallbackTarget } from '../callbacks/dispatcher.ts';
import type { OaCallbackSettings, OfficialAccount } from '../store/oa-model.ts';
import type { SandboxStore } from '../store/store.ts';
import { SERVICE_UNAVAILABLE, logOaMessage } from './messages.ts';

export interface OaTargetOptions {
  openid: string;
  /** The user is waiting on the account (a message, follow or scan): replies and failures reach them. */
  interactive: boolean;
}

export function oaTarget(store: SandboxStore, oa: OfficialAccount, opts: OaTargetOptions): CallbackTarget {
  const settings: OaCallbackSettings = { ...oa.callback };
  const crypto = createCallbackCrypto({ token: settings.token, encodingAESKey: settings.encodingAESKey, receiveId: oa.appid });
  const notice = () => logOaMessage(store, oa, { kind: 'notice', openid: opts.openid, content: { text: SERVICE_UNAVAILABLE } });
  return {
    url: settings.url,
    seal(xml, timestamp, nonce) {
      const query: Record<string, string> = { signature: plainSignature(settings.token, timestamp, nonce), timestamp, nonce, openid: opts.openid };
      if (settings.mode === 'plain') return { query, body: xml };
      const encrypt = crypto.encrypt(xml);
      query.encrypt_type = 'aes';
      query.msg_signature = msgSignature(settings.token, timestamp, nonce, encrypt);
      return { query, body: buildEnvelope({ toUserName: oa.originalId, encrypt }) };
    },
    onReply(body) {
      if (!opts.interactive) return;
      const text = body.trim();
      if (text === '' || text === 'success') return;
      const reply = readReply(settings, crypto, text);
      if (reply) logOaMessage(store, oa, { kind: 'reply', openid: opts.openid, content: reply });
      else notice();
    },
    onFailed() {
      if (opts.interactive) notice();
    },
  };
}

/** A passive reply as a message content, or null when WeChat would reject it. */
function readReply(settings: OaCallbackSettings, crypto: ReturnType<typeof createCallbackCrypto>, text: string): Record<string, unknown> | null {
  try {
    let xml = text;
    if (settings.mode === 'safe') {
      const env = parseReplyEnvelope(text);
      xml = crypto.decryptSigned({ msg_signature: env.msgSignature, timestamp: env.timestamp, nonce: env.nonce }, env.encrypt);
    }
    return replyContent(parseXml(xml));
  } catch {
    return null;
  }
}

function replyContent(x: XmlObject): Record<string, unknown> | null {
  const type = xmlText(x, 'MsgType');
  const child = (name: string) => (typeof x[name] === 'object' && !Array.isArray(x[name]) ? (x[name] as XmlObject) : undefined);
  switch (type) {
    case 'text': {
      const content = xmlText(x, 'Content');
      return content ? { msgtype: 'text', text: { content } } : null;
    }
    case 'image':
    case 'voice': {
      const mediaId = xmlText(child(type === 'image' ? 'Image' : 'Voice') ?? {}, 'MediaId');
      return mediaId ? { msgtype: type, [type]: { media_id: mediaId } } : null;
    }
    case 'news': {
      const items = child('Articles')?.item;
      const list = (Array.isArray(items) ? items : items ? [items] : []) as XmlObject[];
      const articles = list.map((a) => ({ title: xmlText(a, 'Title') ?? '', description: xmlText(a, 'Description') ?? '', picurl: xmlText(a, 'PicUrl') ?? '', url: xmlText(a, 'Url') ?? '' }));
      return articles.length ? { msgtype: 'news', news: { articles } } : null;
    }
    default:
      return null;
  }
}
