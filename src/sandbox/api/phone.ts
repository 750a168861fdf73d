// What the phone page shows, in one call per screen: a person's chats (staff, groups, Official
// Accounts) with their messages as bubbles, their contacts and accounts; the codes there are to scan;
// and the staff-side tasks (group-sends to confirm, friend requests to accept).
import type { FastifyInstance } from 'fastify';
import type { SandboxDeps } from '../deps.ts';
import { qrExpired } from '../oa/follow-actions.ts';
import { settleMerchant } from '../pay/settle.ts';
import type { Corp, Person } from '../store/model.ts';
import { avatarUrl, qrContentUrl, qrImageUrl } from '../urls.ts';
import { wayExpired } from '../wecom/contact-way.ts';
import { apiRoute, requirePerson } from './http.ts';
import { oaBubble, wecomParts } from './phone-messages.ts';
import type { Bubble } from './phone-messages.ts';
import { oaQrView } from './oa-views.ts';
import { personView } from './views.ts';

const LIST = 20;

interface Chat {
  id: string;
  kind: 'staff' | 'group' | 'oa';
  title: string;
  subtitle: string;
  avatar: string;
  corpid?: string;
  userid?: string;
  chatId?: string;
  appid?: string;
  /** staff: active | half | requested | none; oa: following | not_following. */
  relation: string;
  blocked?: boolean;
  messages: Bubble[];
}

function corpChats(deps: SandboxDeps, corp: Corp, person: Person): Chat[] {
  const ext = corp.externalIds[person.id];
  if (!ext) return [];
  const chats = new Map<string, Chat>();
  const staffChat = (userid: string): Chat => {
    const id = `staff:${corp.corpid}:${userid}`;
    let c = chats.get(id);
    if (!c) {
      const s = corp.staff[userid];
      const f = corp.follows[ext]?.[userid];
      c = { id, kind: 'staff', title: s?.name ?? userid, subtitle: `@${corp.name}`, avatar: avatarUrl(deps.store, s?.avatarKey ?? userid), corpid: corp.corpid, userid, relation: f?.status ?? 'none', blocked: (corp.blocked[person.id] ?? []).includes(userid), messages: [] };
      chats.set(id, c);
    }
    return c;
  };
  for (const f of Object.values(corp.follows[ext] ?? {})) staffChat(f.userid);
  const groups = Object.values(corp.groups).filter((g) => g.members.some((m) => m.userid === ext));
  for (const g of groups) {
    chats.set(`group:${corp.corpid}:${g.chatId}`, { id: `group:${corp.corpid}:${g.chatId}`, kind: 'group', title: g.name, subtitle: `${g.members.length} 人 · @${corp.name}`, avatar: avatarUrl(deps.store, g.chatId), corpid: corp.corpid, chatId: g.chatId, relation: g.dismissed ? 'dismissed' : 'member', messages: [] });
  }
  for (const m of corp.messages) {
    const bubble = (sender?: string): Bubble => ({ id: m.id, at: m.at, dir: 'in', ...(sender ? { sender } : {}), parts: wecomParts(deps, m) });
    if (m.to === ext && (m.kind === 'welcome' || m.kind === 'mass_send')) staffChat(m.from).messages.push(bubble());
    else if (m.kind === 'group_mass_send') chats.get(`group:${corp.corpid}:${m.to}`)?.messages.push(bubble(corp.staff[m.from]?.name ?? m.from));
  }
  return [...chats.values()];
}

function oaChats(deps: SandboxDeps, person: Person): Chat[] {
  const { store } = deps;
  for (const m of Object.values(store.data.merchants)) settleMerchant(deps, m);
  const status = (mchId: string, billno: string) => store.data.merchants[mchId]?.redpacks[billno]?.status ?? 'UNKNOWN';
  return Object.values(store.data.oas).flatMap((oa): Chat[] => {
    const openid = oa.openids[person.id];
    if (!openid) return [];
    const messages = oa.messages.filter((m) => m.openid === openid).map((m) => oaBubble(deps, m, status));
    const f = oa.followers[openid];
    if (!f && !messages.length) return [];
    return [{ id: `oa:${oa.appid}`, kind: 'oa', title: oa.name, subtitle: '公众号', avatar: avatarUrl(store, oa.avatarKey), appid: oa.appid, relation: f?.subscribed ? 'following' : 'not_following', messages }];
  });
}

export function registerPhoneApi(fastify: FastifyInstance, deps: SandboxDeps): void {
  const { store } = deps;

  apiRoute(fastify, deps, 'GET', '/phone/people/:id', (req) => {
    const person = requirePerson(deps, (req.params as { id: string }).id);
    const chats = [...Object.values(store.data.corps).flatMap((c) => corpChats(deps, c, person)), ...oaChats(deps, person)];
    // Message ids count up across corps and accounts (m<seq>): the newest last message first.
    const last = (c: Chat) => Number(c.messages.at(-1)?.id.slice(1) ?? 0);
    return {
      person: personView(deps, person),
      chats: chats.sort((a, b) => last(b) - last(a)),
      corps: Object.values(store.data.corps).map((corp) => {
        const ext = corp.externalIds[person.id];
        return {
          corpid: corp.corpid,
          name: corp.name,
          staff: Object.values(corp.staff).map((s) => ({
            userid: s.userid,
            name: s.name,
            position: s.position,
            avatar: avatarUrl(store, s.avatarKey),
            relation: (ext && corp.follows[ext]?.[s.userid]?.status) || 'none',
            blocked: (corp.blocked[person.id] ?? []).includes(s.userid),
          })),
        };
      }),
      oas: Object.values(store.data.oas).map((oa) => {
        const openid = oa.openids[person.id];
        const f = openid ? oa.followers[openid] : undefined;
        return { appid: oa.appid, name: oa.name, avatar: avatarUrl(store, oa.avatarKey), following: f?.subscribed ?? false, refuseTemplates: f?.refuseTemplates ?? false };
      }),
    };
  });

  apiRoute(fastify, deps, 'GET', '/phone/codes', () => {
    const corps = Object.values(store.data.corps);
    const staffNames = (corp: Corp, ids: string[]) => ids.map((u) => corp.staff[u]?.name ?? u);
    return {
      contactWays: corps.flatMap((corp) =>
        Object.values(corp.contactWays)
          .filter((w) => w.qrKey && !wayExpired(store, w))
          .slice(-LIST)
          .map((w) => ({ corpid: corp.corpid, corpName: corp.name, configId: w.configId, remark: w.remark, state: w.state, staff: staffNames(corp, w.user), qrContent: qrContentUrl(store, w.qrKey as string), qrImage: qrImageUrl(store, w.qrKey as string) })),
      ),
      joinWays: corps.flatMap((corp) =>
        Object.values(corp.joinWays)
          .filter((w) => w.qrKey)
          .slice(-LIST)
          .map((w) => ({ corpid: corp.corpid, corpName: corp.name, configId: w.configId, remark: w.remark, state: w.state, groups: w.chatIdList.map((id) => corp.groups[id]?.name ?? id), qrContent: qrContentUrl(store, w.qrKey as string), qrImage: qrImageUrl(store, w.qrKey as string) })),
      ),
      oaCodes: Object.values(store.data.oas).flatMap((oa) =>
        Object.values(oa.qrCodes)
          .filter((qr) => !qrExpired(deps, qr))
          .slice(-LIST)
          .map((qr) => ({ appid: oa.appid, oaName: oa.name, ...oaQrView(deps, qr) })),
      ),
    };
  });

  apiRoute(fastify, deps, 'GET', '/phone/staff-tasks', () => {
    const corps = Object.values(store.data.corps);
    return {
      massSends: corps.flatMap((corp) =>
        Object.values(corp.massSends).flatMap((s) =>
          Object.entries(s.tasks)
            .filter(([, t]) => t.status === 'pending')
            .map(([userid, t]) => ({ corpid: corp.corpid, corpName: corp.name, msgid: s.msgid, userid, staffName: corp.staff[userid]?.name ?? userid, chatType: s.chatType, text: s.content.text?.content ?? '', attachments: s.content.attachments.length, targets: t.targets.length, createTime: s.createTime })),
        ),
      ).slice(-LIST * 5),
      requests: corps.flatMap((corp) => {
        const out = [];
        for (const byUser of Object.values(corp.follows)) {
          for (const f of Object.values(byUser)) {
            if (f.status === 'active') continue;
            const pid = Object.entries(corp.externalIds).find(([, e]) => e === f.externalUserId)?.[0];
            out.push({ corpid: corp.corpid, userid: f.userid, staffName: corp.staff[f.userid]?.name ?? f.userid, externalUserId: f.externalUserId, nickname: (pid && store.data.people[pid]?.nickname) || f.externalUserId, status: f.status });
            if (out.length >= LIST * 5) return out;
          }
        }
        return out;
      }),
    };
  });
}
