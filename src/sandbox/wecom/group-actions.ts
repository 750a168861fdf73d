// Group membership driven by WeChat users and staff (reference §4.2, §4.3, §4.5): joining through
// a join way's QR (first listed group under the scan cap; auto-created `room_base_name + n` when
// all are full), leaving or being removed, and the owner's changes (name, notice, owner, dismiss).
import type { Delivery } from '../callbacks/dispatcher.ts';
import type { DeliveryFaults } from '../callbacks/faults.ts';
import type { SandboxDeps } from '../deps.ts';
import type { Corp, GroupChat, JoinWay, Person } from '../store/model.ts';
import { ActionError } from './contact-actions.ts';
import { externalIdFor } from './customers.ts';
import { emitChatEvent } from './events.ts';
import { addMember, createGroup, removeMember } from './groups.ts';

export type GroupOutcome = 'joined' | 'already_member' | 'group_full' | 'left' | 'removed' | 'not_member' | 'updated' | 'dismissed';

export interface GroupResult {
  outcome: GroupOutcome;
  corpid: string;
  chat_id?: string;
  external_userid?: string;
  created_chat_id?: string;
  deliveries: Delivery[];
}

const liveGroups = (corp: Corp, ids: string[]) => ids.map((id) => corp.groups[id]).filter((g): g is GroupChat => !!g && !g.dismissed);

export function joinViaJoinWay(deps: SandboxDeps, corp: Corp, person: Person, way: JoinWay, faults?: DeliveryFaults): GroupResult {
  const { limits } = deps.store;
  const ext = externalIdFor(corp, person);
  const chats = liveGroups(corp, [...way.chatIdList, ...way.autoChatIds]);
  const base = { corpid: corp.corpid, external_userid: ext };
  const current = chats.find((g) => g.members.some((m) => m.userid === ext));
  if (current) return { ...base, outcome: 'already_member', chat_id: current.chatId, deliveries: [] };
  const deliveries: Delivery[] = [];
  let target = chats.find((g) => g.members.length < Math.min(limits.groupScanCap, limits.groupMaxMembers));
  let created: string | undefined;
  if (!target) {
    const template = liveGroups(corp, way.chatIdList)[0] ?? chats[0];
    if (!way.autoCreateRoom || !template) return { ...base, outcome: 'group_full', deliveries };
    const name = `${way.roomBaseName || template.name}${way.nextRoomId}`;
    way.nextRoomId++;
    const made = createGroup(deps, corp, { owner: template.owner, name }, faults);
    way.autoChatIds.push(made.group.chatId);
    deliveries.push(made.delivery);
    target = made.group;
    created = target.chatId;
  }
  deliveries.push(
    addMember(deps, corp, target, {
      userid: ext,
      type: 2,
      joinTime: deps.store.nowSec(),
      joinScene: 3,
      groupNickname: '',
      name: person.nickname,
      unionid: person.unionid,
      ...(way.state ? { state: way.state } : {}),
    }, 3, faults),
  );
  return { ...base, outcome: 'joined', chat_id: target.chatId, ...(created ? { created_chat_id: created } : {}), deliveries };
}

export function requireGroup(corp: Corp, chatId: string): GroupChat {
  const g = corp.groups[chatId];
  if (!g || g.dismissed) throw new ActionError(404, `group ${chatId} not found in ${corp.corpid}`, 'chat_id');
  return g;
}

/** A member leaves (QuitScene 0) or is removed by the owner/admin (QuitScene 1). */
export function leaveGroup(deps: SandboxDeps, corp: Corp, chatId: string, memberId: string, removedBy: string | undefined, faults?: DeliveryFaults): GroupResult {
  const g = requireGroup(corp, chatId);
  const base = { corpid: corp.corpid, chat_id: chatId };
  if (!g.members.some((m) => m.userid === memberId)) return { ...base, outcome: 'not_member', deliveries: [] };
  if (memberId === g.owner) throw new ActionError(409, 'the owner cannot leave; transfer the group or dismiss it');
  if (removedBy !== undefined && removedBy !== g.owner && !g.admins.includes(removedBy)) throw new ActionError(403, `${removedBy} is not the owner or an admin`, 'removed_by');
  const d = removeMember(deps, corp, g, memberId, removedBy === undefined ? 0 : 1, faults);
  return { ...base, outcome: removedBy === undefined ? 'left' : 'removed', deliveries: [d] };
}

export interface GroupChange {
  name?: string;
  notice?: string;
  owner?: string;
  dismiss?: boolean;
}

/** The owner renames, edits the notice, hands over or dismisses a group: one event per change. */
export function changeGroup(deps: SandboxDeps, corp: Corp, chatId: string, change: GroupChange, faults?: DeliveryFaults): GroupResult {
  const g = requireGroup(corp, chatId);
  const deliveries: Delivery[] = [];
  const update = (detail: 'change_name' | 'change_notice' | 'change_owner') =>
    deliveries.push(emitChatEvent(deps, corp, { chatId, changeType: 'update', updateDetail: detail }, faults));
  if (change.owner !== undefined && change.owner !== g.owner) {
    if (!g.members.some((m) => m.userid === change.owner && m.type === 1)) throw new ActionError(400, `${change.owner} must be a staff member in the group`, 'owner');
    g.owner = change.owner;
    update('change_owner');
  }
  if (change.name !== undefined && change.name !== g.name) {
    g.name = change.name;
    update('change_name');
  }
  if (change.notice !== undefined && change.notice !== g.notice) {
    g.notice = change.notice;
    update('change_notice');
  }
  if (change.dismiss) {
    g.dismissed = true;
    deliveries.push(emitChatEvent(deps, corp, { chatId, changeType: 'dismiss' }, faults));
  }
  deps.store.changed();
  return { outcome: change.dismiss ? 'dismissed' : 'updated', corpid: corp.corpid, chat_id: chatId, deliveries };
}
