// Who is who inside one corp: a person's external_userid (stable, derived from corp + unionid, as
// WeCom's is), the reverse lookup, and the follow relations between staff and customers.
import { createHash } from 'node:crypto';
import type { Corp, Follow, Person } from '../store/model.ts';
import type { SandboxStore } from '../store/store.ts';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const reverse = new WeakMap<Corp, Map<string, string>>();

export function externalIdFor(corp: Corp, person: Person): string {
  const known = corp.externalIds[person.id];
  if (known) return known;
  const h = createHash('sha256').update(`${corp.corpid}:${person.unionid}`).digest();
  let id = 'wm';
  for (let i = 0; i < 30; i++) id += ALNUM[(h[i] ?? 0) % ALNUM.length];
  corp.externalIds[person.id] = id;
  reverse.get(corp)?.set(id, person.id);
  return id;
}

export function personByExternalId(store: SandboxStore, corp: Corp, externalUserId: string): Person | undefined {
  let map = reverse.get(corp);
  if (!map || map.size !== Object.keys(corp.externalIds).length) {
    map = new Map(Object.entries(corp.externalIds).map(([pid, ext]) => [ext, pid]));
    reverse.set(corp, map);
  }
  const pid = map.get(externalUserId);
  return pid ? store.data.people[pid] : undefined;
}

export function followOf(corp: Corp, externalUserId: string, userid: string): Follow | undefined {
  return corp.follows[externalUserId]?.[userid];
}

/** Active relations of one customer (half-added ones included, pending requests not). */
export function followsOfCustomer(corp: Corp, externalUserId: string): Follow[] {
  return Object.values(corp.follows[externalUserId] ?? {}).filter((f) => f.status !== 'requested');
}

export function customersOfStaff(corp: Corp, userid: string): Follow[] {
  const out: Follow[] = [];
  for (const byUser of Object.values(corp.follows)) {
    const f = byUser[userid];
    if (f && f.status !== 'requested') out.push(f);
  }
  return out;
}

export function setFollow(corp: Corp, f: Follow): void {
  (corp.follows[f.externalUserId] ??= {})[f.userid] = f;
}

export function removeFollow(corp: Corp, externalUserId: string, userid: string): Follow | undefined {
  const byUser = corp.follows[externalUserId];
  const f = byUser?.[userid];
  if (!byUser || !f) return undefined;
  delete byUser[userid];
  if (Object.keys(byUser).length === 0) delete corp.follows[externalUserId];
  return f;
}
