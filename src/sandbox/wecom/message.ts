// message/send, reference §5: an app message to staff (never to customers). Partly invalid
// recipients are reported and the rest still receive; all invalid ⇒ 81013; more than 30 messages
// a minute to one member from one app are silently dropped.
import type { FastifyInstance } from 'fastify';
import type { SandboxDeps } from '../deps.ts';
import { randomAlnum } from '../rng.ts';
import { bytes, invalid, optInt, optObject, optString } from './input.ts';
import { fail, wecomRoute } from './route.ts';
import { logMessage } from './welcome.ts';

const MSGTYPES = new Set(['text', 'image', 'voice', 'video', 'file', 'textcard', 'news', 'mpnews', 'markdown', 'miniprogram_notice', 'template_card']);

function truncateBytes(s: string, max: number): string {
  if (bytes(s) <= max) return s;
  let out = '';
  for (const ch of s) {
    if (bytes(out + ch) > max) break;
    out += ch;
  }
  return out;
}

export function registerMessage(fastify: FastifyInstance, deps: SandboxDeps): void {
  const { store } = deps;
  const perMinute = new Map<string, number>();

  wecomRoute(fastify, deps, 'POST', '/cgi-bin/message/send', ({ corp, app, body }) => {
    const agentid = optInt(body, 'agentid');
    if (agentid === undefined || app.kind !== 'agent' || app.agentid !== agentid) fail(40056, `invalid agentid ${agentid ?? ''}`);
    const msgtype = optString(body, 'msgtype');
    if (!msgtype || !MSGTYPES.has(msgtype)) fail(40008, `invalid message type ${msgtype ?? ''}`);
    const payload = { ...(optObject(body, msgtype) ?? {}) };
    if (msgtype === 'text') {
      const content = optString(payload, 'content');
      if (!content) fail(44004, 'empty content');
      payload.content = truncateBytes(content, 2048);
    }
    const touser = optString(body, 'touser') ?? '';
    const toparty = optString(body, 'toparty') ?? '';
    const totag = optString(body, 'totag') ?? '';
    if (!touser && !toparty && !totag) invalid('touser', 'touser, toparty or totag is required');
    const split = (s: string) => s.split('|').map((x) => x.trim()).filter(Boolean);
    const recipients = new Set<string>();
    const invalidUsers: string[] = [];
    const invalidParties: string[] = [];
    if (touser === '@all') Object.keys(corp.staff).forEach((u) => recipients.add(u));
    else {
      for (const u of split(touser)) {
        const match = Object.keys(corp.staff).find((id) => id.toLowerCase() === u.toLowerCase());
        if (match) recipients.add(match);
        else invalidUsers.push(u.toLowerCase());
      }
      for (const p of split(toparty)) {
        const members = Object.values(corp.staff).filter((s) => s.department.includes(Number(p)));
        if (members.length) members.forEach((s) => recipients.add(s.userid));
        else invalidParties.push(p);
      }
    }
    const invalidTags = touser === '@all' ? [] : split(totag);
    if (!recipients.size) fail(81013, 'user & party & tag all invalid');
    const minute = Math.floor(store.clock.now() / 60_000);
    for (const userid of recipients) {
      const key = `${corp.corpid}|${app.key}|${userid}|${minute}`;
      const n = (perMinute.get(key) ?? 0) + 1;
      perMinute.set(key, n);
      if (n > store.limits.appMessagesPerMemberPerMinute) continue;
      logMessage(store, corp, { kind: 'app_message', from: `app:${agentid}`, to: userid, content: { msgtype, [msgtype]: payload } });
    }
    if (perMinute.size > 10_000) perMinute.clear();
    return {
      invaliduser: invalidUsers.join('|'),
      invalidparty: invalidParties.join('|'),
      invalidtag: invalidTags.join('|'),
      unlicenseduser: '',
      msgid: randomAlnum(32),
      response_code: randomAlnum(24),
    };
  });
}
