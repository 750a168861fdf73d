// User info (reference §6.5): followers get the full record (nickname/headimgurl blank since 2021,
// unionid when the account is bound to an open platform); anyone else who met the account — never
// followed, or unfollowed — gets only subscribe 0, openid and tagid_list. Unknown openids ⇒ 40003.
import type { FastifyInstance } from 'fastify';
import type { SandboxDeps } from '../deps.ts';
import type { OfficialAccount } from '../store/oa-model.ts';
import { oaFail } from './errors.ts';
import { personByOpenid } from './openids.ts';
import { oaRoute } from './route.ts';
import type { Json } from './route.ts';

export function userInfo(deps: SandboxDeps, oa: OfficialAccount, openid: string | undefined): Json {
  if (!openid) oaFail(41009);
  const person = personByOpenid(deps.store, oa, openid);
  if (!person) oaFail(40003, `invalid openid ${openid}`);
  const f = oa.followers[openid];
  if (!f?.subscribed) return { subscribe: 0, openid, tagid_list: f?.tagidList ?? [] };
  return {
    subscribe: 1,
    openid,
    nickname: '',
    sex: 0,
    language: 'zh_CN',
    city: '',
    province: '',
    country: '',
    headimgurl: '',
    subscribe_time: f.subscribeTime,
    ...(oa.openPlatform ? { unionid: person.unionid } : {}),
    remark: f.remark,
    groupid: 0,
    tagid_list: f.tagidList,
    subscribe_scene: f.subscribeScene,
    qr_scene: f.qrScene,
    qr_scene_str: f.qrSceneStr,
  };
}

export function registerOaUsers(fastify: FastifyInstance, deps: SandboxDeps): void {
  oaRoute(fastify, deps, 'GET', '/cgi-bin/user/info', ({ oa, query }) => userInfo(deps, oa, query.openid));

  oaRoute(fastify, deps, 'POST', '/cgi-bin/user/info/batchget', ({ oa, body }) => {
    const list = body.user_list;
    if (!Array.isArray(list)) oaFail(47001, 'data format error: user_list must be a list');
    if (list.length === 0 || list.length > 100) oaFail(40032, 'invalid openid list size, 1-100 openids');
    return { user_info_list: list.map((u) => userInfo(deps, oa, u && typeof u === 'object' ? ((u as Json).openid as string | undefined) : undefined)) };
  });
}
