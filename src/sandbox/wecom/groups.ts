// Customer groups as state: creation (emits `create`), membership changes with member versions,
// and the JSON shape of groupchat/get.
import { createHash } from 'node:crypto';
import type { DeliveryFaults } from '../callbacks/faults.ts';
import type { SandboxDeps } from '../deps.ts';
import { randomAlnum } from '../rng.ts';
import type { Corp, GroupChat, GroupMember } from '../store/model.ts';
import { emitChatEvent } from './events.ts';
import type { Delivery } from '../callbacks/dispatcher.ts';

export function memberVersion(members: GroupMember[]): string {
  return createHash('md5').update(members.map((m) => m.userid).sort().join(',')).digest('hex');
}

export function createGroup(deps: SandboxDeps, corp: Corp, input: { owner: string; name: string; staff?: string[]; notice?: string }, faults?: DeliveryFaults): { group: GroupChat; delivery: Delivery } {
  const now = deps.store.nowSec();
  const staffIds = [input.owner, ...(input.staff ?? []).filter((u) => u !== input.owner)];
  const members: GroupMember[] = staffIds.map((userid) => ({
    userid,
    type: 1,
    joinTime: now,
    joinScene: 1,
    ...(userid === input.owner ? {} : { invitor: input.owner }),
    groupNickname: '',
    name: corp.staff[userid]?.name ?? userid,
  }));
  const group: GroupChat = {
    chatId: `wr${randomAlnum(30)}`,
    name: input.name,
    owner: input.owner,
    createTime: now,
    notice: input.notice ?? '',
    members,
    admins: [],
    memberVersion: memberVersion(members),
    status: 0,
    dismissed: false,
  };
  corp.groups[group.chatId] = group;
  deps.store.changed();
  return { group, delivery: emitChatEvent(deps, corp, { chatId: group.chatId, changeType: 'create' }, faults) };
}

export function addMember(deps: SandboxDeps, corp: Corp, group: GroupChat, member: GroupMember, joinScene: 0 | 3, faults?: DeliveryFaults): Delivery {
  const last = group.memberVersion;
  group.members.push(member);
  group.memberVersion = memberVersion(group.members);
  deps.store.changed();
  return emitChatEvent(deps, corp, {
    chatId: group.chatId,
    changeType: 'update',
    updateDetail: 'add_member',
    joinScene,
    memChangeCnt: 1,
    memChangeList: [member.userid],
    lastMemVer: last,
    curMemVer: group.memberVersion,
  }, faults);
}

export function removeMember(deps: SandboxDeps, corp: Corp, group: GroupChat, userid: string, quitScene: 0 | 1, faults?: DeliveryFaults): Delivery {
  const last = group.memberVersion;
  group.members = group.members.filter((m) => m.userid !== userid);
  group.memberVersion = memberVersion(group.members);
  deps.store.changed();
  return emitChatEvent(deps, corp, {
    chatId: group.chatId,
    changeType: 'update',
    updateDetail: 'del_member',
    quitScene,
    memChangeCnt: 1,
    memChangeList: [userid],
    lastMemVer: last,
    curMemVer: group.memberVersion,
  }, faults);
}

export function groupJson(g: GroupChat, needName: boolean): Record<string, unknown> {
  return {
    chat_id: g.chatId,
    name: g.name,
    owner: g.owner,
    create_time: g.createTime,
    notice: g.notice,
    member_list: g.members.map((m) => ({
      userid: m.userid,
      type: m.type,
      ...(m.unionid ? { unionid: m.unionid } : {}),
      join_time: m.joinTime,
      join_scene: m.joinScene,
      ...(m.invitor ? { invitor: { userid: m.invitor } } : {}),
      group_nickname: m.groupNickname,
      ...(needName ? { name: m.name } : {}),
      ...(m.state ? { state: m.state } : {}),
    })),
    admin_list: g.admins.map((userid) => ({ userid })),
    member_version: g.memberVersion,
  };
}
