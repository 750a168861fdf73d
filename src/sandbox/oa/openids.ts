// Who is who inside one Official Account: a person's openid (stable, derived from AppID + unionid,
// 28 characters starting with `o` like WeChat's) and the reverse lookup.
import { createHash } from 'node:crypto';
import type { Person } from '../store/model.ts';
import type { OfficialAccount } from '../store/oa-model.ts';
import type { SandboxStore } from '../store/store.ts';

const reverse = new WeakMap<OfficialAccount, Map<string, string>>();

export function openidFor(oa: OfficialAccount, person: Person): string {
  const known = oa.openids[person.id];
  if (known) return known;
  const id = `o${createHash('sha256').update(`${oa.appid}:${person.unionid}`).digest('base64url').slice(0, 27)}`;
  oa.openids[person.id] = id;
  reverse.get(oa)?.set(id, person.id);
  return id;
}

export function personByOpenid(store: SandboxStore, oa: OfficialAccount, openid: string | undefined): Person | undefined {
  if (!openid) return undefined;
  let map = reverse.get(oa);
  if (!map || map.size !== Object.keys(oa.openids).length) {
    map = new Map(Object.entries(oa.openids).map(([pid, o]) => [o, pid]));
    reverse.set(oa, map);
  }
  const pid = map.get(openid);
  return pid ? store.data.people[pid] : undefined;
}
