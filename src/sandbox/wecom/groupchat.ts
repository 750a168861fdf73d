// Customer groups, reference §4.1: groupchat/list (cursor paging, status and owner filters) and
// groupchat/get (members with join_scene, invitor, unionid, state; member_version).
import type { FastifyInstance } from 'fastify';
import type { SandboxDeps } from '../deps.ts';
import { groupJson } from './groups.ts';
import { invalid, optInt, optObject, optString, optStringArray } from './input.ts';
import { fail, wecomRoute } from './route.ts';

export function registerGroupchat(fastify: FastifyInstance, deps: SandboxDeps): void {
  const cc = { customerContact: true };

  wecomRoute(fastify, deps, 'POST', '/cgi-bin/externalcontact/groupchat/list', ({ corp, body }) => {
    const status = optInt(body, 'status_filter') ?? 0;
    if (![0, 1, 2, 3].includes(status)) invalid('status_filter', 'must be 0-3');
    const owners = optStringArray(optObject(body, 'owner_filter') ?? {}, 'userid_list') ?? [];
    if (owners.length > 100) invalid('owner_filter.userid_list', 'at most 100 userids');
    const limit = optInt(body, 'limit');
    if (limit === undefined || limit < 1 || limit > 1000) invalid('limit', 'is required, 1-1000');
    const cursor = optString(body, 'cursor') ?? '';
    const offset = cursor ? Number(Buffer.from(cursor, 'base64url').toString()) : 0;
    if (!Number.isInteger(offset) || offset < 0) invalid('cursor', 'unknown cursor');
    const rows = Object.values(corp.groups)
      .filter((g) => !g.dismissed && (status === 0 || g.status === status) && (!owners.length || owners.includes(g.owner)))
      .sort((a, b) => a.createTime - b.createTime || a.chatId.localeCompare(b.chatId));
    const end = offset + (limit as number);
    return {
      group_chat_list: rows.slice(offset, end).map((g) => ({ chat_id: g.chatId, status: g.status })),
      next_cursor: end < rows.length ? Buffer.from(String(end)).toString('base64url') : '',
    };
  }, cc);

  wecomRoute(fastify, deps, 'POST', '/cgi-bin/externalcontact/groupchat/get', ({ corp, body }) => {
    const chatId = optString(body, 'chat_id');
    if (!chatId) fail(40050, 'chat_id missing');
    const g = corp.groups[chatId];
    if (!g) fail(40050, `chatid not exist ${chatId}`);
    if (g.dismissed) fail(49008, 'group already dismissed');
    return { group_chat: groupJson(g, optInt(body, 'need_name') === 1) };
  }, cc);
}
