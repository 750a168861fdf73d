// JSON views of Official Accounts and merchants for the sandbox API.
import type { SandboxDeps } from '../deps.ts';
import { qrExpired, qrSceneValue } from '../oa/follow-actions.ts';
import type { OaQrCode, OfficialAccount } from '../store/oa-model.ts';
import type { Merchant } from '../store/pay-model.ts';
import { avatarUrl, qrContentUrl } from '../urls.ts';

export function oaCredentialsView(oa: OfficialAccount) {
  return {
    appid: oa.appid,
    name: oa.name,
    secret: oa.secret,
    originalId: oa.originalId,
    callback: oa.callback,
    trustedIps: oa.trustedIps,
    oauthDomains: oa.oauthDomains,
    openPlatform: oa.openPlatform,
    templates: Object.values(oa.templates),
  };
}

export function oaView(deps: SandboxDeps, oa: OfficialAccount) {
  const followers = Object.values(oa.followers);
  return {
    ...oaCredentialsView(oa),
    avatar: avatarUrl(deps.store, oa.avatarKey),
    createdAt: oa.createdAt,
    counts: {
      followers: followers.filter((f) => f.subscribed).length,
      everFollowed: followers.length,
      qrCodes: Object.keys(oa.qrCodes).length,
      permanentQrCodes: Object.keys(oa.permanentScenes).length,
      messages: oa.messages.length,
    },
  };
}

export function oaQrView(deps: SandboxDeps, qr: OaQrCode) {
  return {
    ticket: qr.ticket,
    actionName: qr.actionName,
    scene: qrSceneValue(qr),
    createdAt: qr.createdAt,
    ...(qr.expiresAt !== undefined ? { expiresAt: qr.expiresAt } : {}),
    expired: qrExpired(deps, qr),
    url: qrContentUrl(deps.store, qr.qrKey),
    image: `${deps.store.publicUrl()}/mp/cgi-bin/showqrcode?ticket=${encodeURIComponent(qr.ticket)}`,
  };
}

export function merchantView(m: Merchant, limit = 100) {
  return {
    mchId: m.mchId,
    name: m.name,
    key: m.key,
    balance: m.balance,
    appids: m.appids,
    createdAt: m.createdAt,
    injections: m.injections,
    redpacks: Object.values(m.redpacks).slice(-limit).map(({ paramsKey: _k, ...p }) => p),
  };
}
