// Simulated WeChat users: one unionid each (shared by every corp and OA they meet), with nickname,
// avatar, gender and region drawn from a seeded rng so a batch can be reproduced.
import { randomAlnum, rngAlnum, seededRng } from '../rng.ts';
import type { Person } from '../store/model.ts';
import type { SandboxStore } from '../store/store.ts';
import { nickname, pickNicknameKind } from './names.ts';
import type { NicknameKind } from './names.ts';

const REGIONS: [string, string][] = [
  ['广东', '深圳'],
  ['广东', '广州'],
  ['上海', '浦东新区'],
  ['北京', '朝阳'],
  ['浙江', '杭州'],
  ['四川', '成都'],
  ['湖北', '武汉'],
  ['江苏', '南京'],
  ['陕西', '西安'],
  ['福建', '厦门'],
];

export interface PersonInput {
  nickname?: string;
  nicknameKind?: NicknameKind;
  gender?: 0 | 1 | 2;
  province?: string;
  city?: string;
  country?: string;
}

export interface CreatePeopleInput {
  count?: number;
  seed?: number;
  /** Applied to every person created (useful with count 1). */
  person?: PersonInput;
}

export function createPeople(store: SandboxStore, input: CreatePeopleInput = {}): Person[] {
  const count = input.count ?? 1;
  const rng = seededRng(input.seed ?? Math.floor(Math.random() * 2 ** 32));
  const unionids = new Set(Object.values(store.data.people).map((p) => p.unionid));
  const out: Person[] = [];
  for (let i = 0; i < count; i++) {
    const p = input.person ?? {};
    const region = rng.pick(REGIONS);
    const kind = p.nicknameKind ?? pickNicknameKind(rng);
    const name = nickname(rng, kind);
    const gender = p.gender ?? ([0, 1, 1, 2, 2][rng.int(5)] as 0 | 1 | 2);
    let unionid = `o${rngAlnum(rng, 27)}`;
    // A seed replayed against a state that already holds its people must still yield fresh ids.
    while (unionids.has(unionid)) unionid = `o${randomAlnum(27)}`;
    unionids.add(unionid);
    const id = `p${String(store.nextSeq()).padStart(5, '0')}`;
    const person: Person = {
      id,
      unionid,
      nickname: p.nickname ?? name,
      avatarKey: unionid,
      gender,
      country: p.country ?? '中国',
      province: p.province ?? region[0],
      city: p.city ?? region[1],
      createdAt: store.nowSec(),
    };
    store.data.people[id] = person;
    out.push(person);
  }
  store.changed();
  return out;
}
