// Group-send (add_msg_template, reference §3.6): creates a task per staff member that stays
// pending until that member confirms it (a sandbox action); each customer or group receives at
// most one group-send per natural day. Results via get_groupmsg_task / get_groupmsg_send_result.
import type { FastifyInstance } from 'fastify';
import { shanghaiDay } from '../clock.ts';
import type { SandboxDeps } from '../deps.ts';
import { randomAlnum } from '../rng.ts';
import type { Corp, MassSend } from '../store/model.ts';
import { ActionError } from './contact-actions.ts';
import { customersOfStaff, followsOfCustomer } from './customers.ts';
import { invalid, optInt, optString, optStringArray } from './input.ts';
import { readMessageContent } from './message-content.ts';
import { fail, wecomRoute } from './route.ts';
import { logMessage } from './welcome.ts';

function planSingle(corp: Corp, sender: string | undefined, externalIds: string[]): { tasks: Map<string, string[]>; failList: string[] } {
  const tasks = new Map<string, string[]>();
  const failList: string[] = [];
  const add = (userid: string, ext: string) => tasks.set(userid, [...(tasks.get(userid) ?? []), ext]);
  if (!externalIds.length && sender) {
    for (const f of customersOfStaff(corp, sender)) if (f.status === 'active') add(sender, f.externalUserId);
    return { tasks, failList };
  }
  for (const ext of new Set(externalIds)) {
    const follows = followsOfCustomer(corp, ext).filter((f) => f.status === 'active' && (!sender || f.userid === sender));
    if (!follows.length) failList.push(ext);
    for (const f of follows) add(f.userid, ext);
  }
  return { tasks, failList };
}

export function registerMassSend(fastify: FastifyInstance, deps: SandboxDeps): void {
  const { store } = deps;
  const cc = { customerContact: true };

  wecomRoute(fastify, deps, 'POST', '/cgi-bin/externalcontact/add_msg_template', ({ corp, app, body }) => {
    const chatType = optString(body, 'chat_type') ?? 'single';
    if (chatType !== 'single' && chatType !== 'group') invalid('chat_type', 'must be single or group');
    const sender = optString(body, 'sender');
    if (sender !== undefined && !corp.staff[sender]) fail(40003, `invalid userid ${sender}`);
    const externalIds = optStringArray(body, 'external_userid') ?? [];
    if (externalIds.length > 10_000) invalid('external_userid', 'at most 10000');
    const content = readMessageContent(store, corp, body, { textMaxBytes: 4000, maxAttachments: 9 });
    let tasks: Map<string, string[]>;
    let failList: string[] = [];
    if (chatType === 'group') {
      if (!sender) invalid('sender', 'is required for chat_type group');
      const only = optStringArray(body, 'chat_id_list') ?? [];
      const chats = Object.values(corp.groups).filter((g) => !g.dismissed && g.owner === sender && (!only.length || only.includes(g.chatId)));
      tasks = new Map(chats.length ? [[sender as string, chats.map((g) => g.chatId)]] : []);
    } else {
      if (!sender && !externalIds.length) fail(41048, 'no customer to send to: give sender or external_userid');
      ({ tasks, failList } = planSingle(corp, sender, externalIds));
    }
    if (!tasks.size) fail(41048, 'no customer to send to');
    const send: MassSend = { msgid: `msg${randomAlnum(28)}`, appKey: app.key, chatType: chatType as MassSend['chatType'], createTime: store.nowSec(), content, tasks: {} };
    for (const [userid, targets] of tasks) send.tasks[userid] = { targets, status: 'pending', delivered: [], limited: [] };
    corp.massSends[send.msgid] = send;
    return { fail_list: failList, msgid: send.msgid };
  }, cc);

  const findSend = (corp: Corp, msgid: string | undefined): MassSend => {
    const s = msgid ? corp.massSends[msgid] : undefined;
    if (!s) return invalid('msgid', `unknown msgid ${msgid ?? ''}`);
    return s;
  };

  wecomRoute(fastify, deps, 'POST', '/cgi-bin/externalcontact/get_groupmsg_task', ({ corp, body }) => {
    const s = findSend(corp, optString(body, 'msgid'));
    return {
      task_list: Object.entries(s.tasks).map(([userid, t]) => ({ userid, status: t.status === 'sent' ? 2 : 0, ...(t.sentAt ? { send_time: t.sentAt } : {}) })),
      next_cursor: '',
    };
  }, cc);

  wecomRoute(fastify, deps, 'POST', '/cgi-bin/externalcontact/get_groupmsg_send_result', ({ corp, body }) => {
    const s = findSend(corp, optString(body, 'msgid'));
    const userid = optString(body, 'userid');
    if (!userid || !s.tasks[userid]) fail(40003, `invalid userid ${userid ?? ''}`);
    const t = s.tasks[userid];
    const limit = optInt(body, 'limit') ?? 500;
    if (limit < 1 || limit > 1000) invalid('limit', 'must be 1-1000');
    const key = s.chatType === 'group' ? 'chat_id' : 'external_userid';
    // status: 0 not sent yet, 1 sent, 2 not a friend (any more), 3 daily limit reached.
    const rows = t.targets.map((id) => {
      const status = t.delivered.includes(id) ? 1 : t.limited.includes(id) ? 3 : t.status === 'sent' ? 2 : 0;
      return { [key]: id, userid, status, ...(status === 1 && t.sentAt ? { send_time: t.sentAt } : {}) };
    });
    return { send_list: rows.slice(0, limit), next_cursor: '' };
  }, cc);
}

/** The staff member taps "send" on a pending group-send task (sandbox action). */
export function confirmMassSend(deps: SandboxDeps, corp: Corp, msgid: string, userid: string): { delivered: string[]; limited: string[]; skipped: string[] } {
  const { store } = deps;
  const send = corp.massSends[msgid];
  const task = send?.tasks[userid];
  if (!send || !task) throw new ActionError(404, `no group-send task ${msgid} for ${userid}`, 'msgid');
  if (task.status === 'sent') throw new ActionError(409, `group-send task ${msgid} for ${userid} was already confirmed`);
  const day = shanghaiDay(store.clock.now());
  const skipped: string[] = [];
  for (const target of task.targets) {
    const single = send.chatType === 'single';
    const reachable = single ? corp.follows[target]?.[userid]?.status === 'active' : corp.groups[target] && !corp.groups[target].dismissed;
    if (!reachable) {
      skipped.push(target);
      continue;
    }
    const key = `${single ? 'customer' : 'group'}:${target}`;
    const days = (corp.massSendDays[key] ??= {});
    if ((days[day] ?? 0) >= store.limits.massSendPerTargetPerDay) {
      task.limited.push(target);
      continue;
    }
    corp.massSendDays[key] = { [day]: (days[day] ?? 0) + 1 };
    task.delivered.push(target);
    logMessage(store, corp, { kind: single ? 'mass_send' : 'group_mass_send', from: userid, to: target, content: send.content });
  }
  task.status = 'sent';
  task.sentAt = store.nowSec();
  store.changed();
  return { delivered: task.delivered, limited: task.limited, skipped };
}
