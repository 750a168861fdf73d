// JSON views of sandbox state for the sandbox API (camelCase, unlike WeChat's own APIs).
import type { SandboxDeps } from '../deps.ts';
import type { Corp, GroupChat, Person, Staff } from '../store/model.ts';
import { avatarUrl, qrContentUrl, qrImageUrl } from '../urls.ts';

export function appsView(corp: Corp) {
  return Object.values(corp.apps).map((a) => ({
    kind: a.kind,
    name: a.name,
    ...(a.agentid ? { agentid: a.agentid } : {}),
    secret: a.secret,
    customerContact: a.customerContact,
    trustedIps: a.trustedIps,
  }));
}

export function staffView(deps: SandboxDeps, s: Staff) {
  return { ...s, avatar: avatarUrl(deps.store, s.avatarKey) };
}

export function corpView(deps: SandboxDeps, corp: Corp) {
  return {
    corpid: corp.corpid,
    name: corp.name,
    createdAt: corp.createdAt,
    apps: appsView(corp),
    callback: corp.callback,
    staff: Object.values(corp.staff).map((s) => staffView(deps, s)),
    counts: {
      customers: Object.keys(corp.follows).length,
      contactWays: Object.keys(corp.contactWays).length,
      joinWays: Object.keys(corp.joinWays).length,
      groups: Object.values(corp.groups).filter((g) => !g.dismissed).length,
      waysUsed: corp.wayCount,
    },
  };
}

export function personView(deps: SandboxDeps, p: Person) {
  const corps = Object.values(deps.store.data.corps).flatMap((corp) => {
    const ext = corp.externalIds[p.id];
    if (!ext) return [];
    return [
      {
        corpid: corp.corpid,
        externalUserId: ext,
        friends: Object.values(corp.follows[ext] ?? {}).map((f) => ({ userid: f.userid, status: f.status, state: f.state, createtime: f.createtime })),
        groups: Object.values(corp.groups)
          .filter((g) => !g.dismissed && g.members.some((m) => m.userid === ext))
          .map((g) => ({ chatId: g.chatId, name: g.name })),
        blocked: corp.blocked[p.id] ?? [],
      },
    ];
  });
  const oas = Object.values(deps.store.data.oas).flatMap((oa) => {
    const openid = oa.openids[p.id];
    if (!openid) return [];
    const f = oa.followers[openid];
    return [{ appid: oa.appid, openid, subscribed: f?.subscribed ?? false, ...(f ? { subscribeTime: f.subscribeTime, subscribeScene: f.subscribeScene } : {}) }];
  });
  return { ...p, avatar: avatarUrl(deps.store, p.avatarKey), corps, oas };
}

export function groupView(g: GroupChat) {
  return { ...g, memberCount: g.members.length };
}

export function qrView(deps: SandboxDeps, qrKey: string | undefined) {
  return qrKey ? { qrImage: qrImageUrl(deps.store, qrKey), qrContent: qrContentUrl(deps.store, qrKey) } : {};
}
