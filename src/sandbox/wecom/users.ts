// The address-book read a customer-contact integration needs: `user/get` for the names and avatars
// of the staff that `get_follow_user_list` returns. 60111 for an unknown userid.
import type { FastifyInstance } from 'fastify';
import type { SandboxDeps } from '../deps.ts';
import { avatarUrl } from '../urls.ts';
import { fail, wecomRoute } from './route.ts';

export function registerUsers(fastify: FastifyInstance, deps: SandboxDeps): void {
  wecomRoute(fastify, deps, 'GET', '/cgi-bin/user/get', ({ corp, query }) => {
    const userid = typeof query.userid === 'string' ? query.userid : '';
    if (!userid) fail(41009, 'missing userid');
    const s = corp.staff[userid];
    if (!s) fail(60111, `userid not found: ${userid}`);
    return {
      userid: s.userid,
      name: s.name,
      department: s.department,
      position: s.position,
      gender: String(s.gender),
      avatar: avatarUrl(deps.store, s.avatarKey),
      status: 1,
    };
  });
}
