// What WeChat users and staff do to each other in the sandbox, with the callbacks WeCom sends for
// it (reference §3.1, §3.2): add via a contact way, confirm a half add, accept a friend request,
// delete either way, block, start chatting.
import type { Delivery } from '../callbacks/dispatcher.ts';
import type { DeliveryFaults } from '../callbacks/faults.ts';
import type { SandboxDeps } from '../deps.ts';
import { randomAlnum } from '../rng.ts';
import type { ContactWay, Corp, Follow, Person } from '../store/model.ts';
import { staffOfWay, wayExpired } from './contact-way.ts';
import { externalIdFor, followOf, removeFollow, setFollow } from './customers.ts';
import { emitContactEvent } from './events.ts';
import { pruneWelcomeCodes } from './welcome.ts';

export type ContactOutcome = 'added' | 'half_added' | 'requested' | 'already_friend' | 'pending' | 'blocked' | 'expired' | 'deleted' | 'not_friend' | 'confirmed';

export interface ContactResult {
  outcome: ContactOutcome;
  corpid: string;
  userid: string;
  external_userid: string;
  state?: string;
  welcome_code?: string;
  deliveries: Delivery[];
}

export class ActionError extends Error {
  readonly status: number;
  readonly field: string | undefined;
  constructor(status: number, message: string, field?: string) {
    super(message);
    this.status = status;
    this.field = field;
  }
}

function issueWelcomeCode(deps: SandboxDeps, corp: Corp, f: Follow): string | undefined {
  if (corp.staff[f.userid]?.consoleWelcome) return undefined;
  pruneWelcomeCodes(deps.store, corp);
  const code = randomAlnum(43);
  corp.welcomeCodes[code] = { code, userid: f.userid, externalUserId: f.externalUserId, issuedAt: deps.store.nowSec(), used: false };
  f.welcomeCode = code;
  return code;
}

function pickStaff(corp: Corp, way: ContactWay, wanted?: string): string {
  const candidates = staffOfWay(corp, way.user, way.party).filter((u) => corp.staff[u]?.customerContact);
  if (wanted) {
    if (!candidates.includes(wanted)) throw new ActionError(400, `${wanted} is not a staff member of contact way ${way.configId}`, 'userid');
    return wanted;
  }
  if (!candidates.length) throw new ActionError(409, `contact way ${way.configId} reaches no staff member`);
  // WeCom spreads a multi-staff code over its members; round-robin keeps tests predictable.
  const userid = candidates[way.nextStaff % candidates.length] as string;
  way.nextStaff++;
  return userid;
}

function completeAdd(deps: SandboxDeps, corp: Corp, f: Follow, half: boolean, faults?: DeliveryFaults): ContactResult {
  f.status = half ? 'half' : 'active';
  const welcomeCode = issueWelcomeCode(deps, corp, f);
  const d = emitContactEvent(deps, corp, {
    changeType: half ? 'add_half_external_contact' : 'add_external_contact',
    userId: f.userid,
    externalUserId: f.externalUserId,
    ...(f.state ? { state: f.state } : {}),
    ...(welcomeCode ? { welcomeCode } : {}),
  }, faults);
  deps.store.changed();
  return {
    outcome: half ? 'half_added' : 'added',
    corpid: corp.corpid,
    userid: f.userid,
    external_userid: f.externalUserId,
    ...(f.state ? { state: f.state } : {}),
    ...(welcomeCode ? { welcome_code: welcomeCode } : {}),
    deliveries: [d],
  };
}

export interface AddOptions {
  userid?: string;
  /** Simulate a skip-verify add the staff has not confirmed yet (add_half_external_contact). */
  half?: boolean;
  faults?: DeliveryFaults;
}

export function addViaContactWay(deps: SandboxDeps, corp: Corp, person: Person, way: ContactWay, opts: AddOptions = {}): ContactResult {
  const ext = externalIdFor(corp, person);
  const base = { corpid: corp.corpid, external_userid: ext, deliveries: [] };
  if (wayExpired(deps.store, way)) return { ...base, outcome: 'expired', userid: '' };
  const userid = pickStaff(corp, way, opts.userid);
  if (corp.blocked[person.id]?.includes(userid)) return { ...base, outcome: 'blocked', userid };
  const existing = followOf(corp, ext, userid);
  // Already friends: WeChat just opens the chat; no event and no state (reference §3.1 note).
  if (existing) return { ...base, outcome: existing.status === 'requested' ? 'pending' : 'already_friend', userid };
  const now = deps.store.nowSec();
  const f: Follow = {
    userid,
    externalUserId: ext,
    status: 'requested',
    remark: '',
    description: '',
    createtime: now,
    tagIds: [],
    remarkCorpName: '',
    remarkMobiles: [],
    operUserid: ext,
    addWay: way.scene === 2 ? 1 : 0,
    state: way.state,
    chatted: false,
  };
  setFollow(corp, f);
  if (way.isTemp) way.used = true;
  deps.store.changed();
  // With verification on, the customer's request waits for the staff; WeCom sends nothing yet.
  if (!way.skipVerify) return { ...base, outcome: 'requested', userid, ...(f.state ? { state: f.state } : {}) };
  return completeAdd(deps, corp, f, opts.half ?? false, opts.faults);
}

function requireFollow(corp: Corp, userid: string, ext: string): Follow {
  const f = followOf(corp, ext, userid);
  if (!f) throw new ActionError(409, `${userid} and ${ext} are not friends`);
  return f;
}

/** Staff accepts a pending friend request (contact way with skip_verify=false). */
export function acceptRequest(deps: SandboxDeps, corp: Corp, userid: string, ext: string, faults?: DeliveryFaults): ContactResult {
  const f = requireFollow(corp, userid, ext);
  if (f.status !== 'requested') throw new ActionError(409, `no pending friend request from ${ext} to ${userid}`);
  f.createtime = deps.store.nowSec();
  return completeAdd(deps, corp, f, false, faults);
}

/** Staff confirms a half add: add_external_contact follows; a welcome code only if the first was unused. */
export function confirmHalf(deps: SandboxDeps, corp: Corp, userid: string, ext: string, faults?: DeliveryFaults): ContactResult {
  const f = requireFollow(corp, userid, ext);
  if (f.status !== 'half') throw new ActionError(409, `${ext} was not half-added by ${userid}`);
  const previous = f.welcomeCode ? corp.welcomeCodes[f.welcomeCode] : undefined;
  const codeUsable = !f.chatted && (!previous || !previous.used);
  if (previous) previous.used = true;
  f.status = 'active';
  const welcomeCode = codeUsable ? issueWelcomeCode(deps, corp, f) : undefined;
  const d = emitContactEvent(deps, corp, {
    changeType: 'add_external_contact',
    userId: userid,
    externalUserId: ext,
    ...(f.state ? { state: f.state } : {}),
    ...(welcomeCode ? { welcomeCode } : {}),
  }, faults);
  deps.store.changed();
  return { outcome: 'confirmed', corpid: corp.corpid, userid, external_userid: ext, ...(welcomeCode ? { welcome_code: welcomeCode } : {}), deliveries: [d] };
}

/** The customer deletes the staff member: del_follow_user. */
export function customerDeletesStaff(deps: SandboxDeps, corp: Corp, person: Person, userid: string, faults?: DeliveryFaults): ContactResult {
  const ext = externalIdFor(corp, person);
  const f = followOf(corp, ext, userid);
  const base = { corpid: corp.corpid, userid, external_userid: ext };
  if (!f || f.status === 'requested') {
    if (f) removeFollow(corp, ext, userid);
    return { ...base, outcome: 'not_friend', deliveries: [] };
  }
  removeFollow(corp, ext, userid);
  deps.store.changed();
  return { ...base, outcome: 'deleted', deliveries: [emitContactEvent(deps, corp, { changeType: 'del_follow_user', userId: userid, externalUserId: ext }, faults)] };
}

/** The staff member deletes the customer: del_external_contact. */
export function staffDeletesCustomer(deps: SandboxDeps, corp: Corp, userid: string, ext: string, faults?: DeliveryFaults): ContactResult {
  const f = followOf(corp, ext, userid);
  const base = { corpid: corp.corpid, userid, external_userid: ext };
  if (!f || f.status === 'requested') return { ...base, outcome: 'not_friend', deliveries: [] };
  removeFollow(corp, ext, userid);
  deps.store.changed();
  return { ...base, outcome: 'deleted', deliveries: [emitContactEvent(deps, corp, { changeType: 'del_external_contact', userId: userid, externalUserId: ext }, faults)] };
}

/** The customer blocks the staff member: the friendship ends (del_follow_user) and later scans do nothing. */
export function customerBlocksStaff(deps: SandboxDeps, corp: Corp, person: Person, userid: string, faults?: DeliveryFaults): ContactResult {
  const r = customerDeletesStaff(deps, corp, person, userid, faults);
  const list = (corp.blocked[person.id] ??= []);
  if (!list.includes(userid)) list.push(userid);
  deps.store.changed();
  return r;
}

export function customerUnblocksStaff(deps: SandboxDeps, corp: Corp, person: Person, userid: string): void {
  corp.blocked[person.id] = (corp.blocked[person.id] ?? []).filter((u) => u !== userid);
  deps.store.changed();
}

/** Staff and customer exchange a message: the welcome code can no longer be used (41051). */
export function startChat(deps: SandboxDeps, corp: Corp, userid: string, ext: string): void {
  requireFollow(corp, userid, ext).chatted = true;
  deps.store.changed();
}
