// WeCom change_external_contact callbacks as WeChat sends them: the event XML built, encrypted with
// the corp's EncodingAESKey and signed with its token by src/wechat/protocol — every one a different
// customer, so none is a duplicate of another.
import { randomBytes } from 'node:crypto';
import { buildExternalContactEventXml, createCallbackCrypto } from '../wechat/protocol/index.ts';
import type { LoadRequest } from './load/load-types.ts';

export interface CallbackCredentials {
  corpId: string;
  token: string;
  encodingAESKey: string;
}

/** Credentials like the WeCom console generates: a 32-character token and a 43-character key. */
export function randomCallbackCredentials(corpId: string): CallbackCredentials {
  const alnum = (n: number) => randomBytes(n * 2).toString('base64').replace(/[^A-Za-z0-9]/g, '').slice(0, n);
  return { corpId, token: alnum(32), encodingAESKey: alnum(43) };
}

/** `count` add_external_contact callbacks for `path` (e.g. /callback/wecom/bench), timestamped now. */
export function sealedContactAdds(creds: CallbackCredentials, count: number, o: { path: string; tag: string; state?: string }): LoadRequest[] {
  const crypto = createCallbackCrypto({ token: creds.token, encodingAESKey: creds.encodingAESKey, receiveId: creds.corpId });
  const now = Math.floor(Date.now() / 1000);
  const out: LoadRequest[] = [];
  for (let i = 0; i < count; i++) {
    const xml = buildExternalContactEventXml({
      toUserName: creds.corpId, fromUserName: 'sys', createTime: now, changeType: 'add_external_contact',
      userId: 'ZhangWei', externalUserId: `wmbench${o.tag}x${i}`, state: o.state ?? 'c1', welcomeCode: randomBytes(16).toString('hex'),
    });
    const sealed = crypto.sealCallback(xml, { timestamp: String(now), nonce: randomBytes(6).toString('hex') });
    const q = new URLSearchParams({ ...sealed.query });
    out.push({ path: `${o.path}?${q}`, body: sealed.body });
  }
  return out;
}
