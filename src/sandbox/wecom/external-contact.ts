// Customer detail, reference §3.3: externalcontact/list, get (follow_user paged by 500),
// batch/get_by_user and remark.
import type { FastifyInstance } from 'fastify';
import type { SandboxDeps } from '../deps.ts';
import type { Corp, Follow, Person } from '../store/model.ts';
import type { SandboxStore } from '../store/store.ts';
import { avatarUrl } from '../urls.ts';
import { customersOfStaff, followsOfCustomer, personByExternalId } from './customers.ts';
import { invalid, maxChars, optInt, optString, optStringArray } from './input.ts';
import { fail, wecomRoute } from './route.ts';
import type { Json } from './route.ts';

const FOLLOW_PAGE = 500;

export function externalContactJson(store: SandboxStore, externalUserId: string, p: Person): Json {
  return { external_userid: externalUserId, name: p.nickname, avatar: avatarUrl(store, p.avatarKey), type: 1, gender: p.gender, unionid: p.unionid };
}

function tagLookup(corp: Corp): Map<string, { group: string; name: string }> {
  const m = new Map<string, { group: string; name: string }>();
  for (const g of corp.tagGroups) for (const t of g.tags) m.set(t.id, { group: g.groupName, name: t.name });
  return m;
}

function followBase(f: Follow): Json {
  return {
    userid: f.userid,
    remark: f.remark,
    description: f.description,
    createtime: f.createtime,
    remark_corp_name: f.remarkCorpName,
    remark_mobiles: f.remarkMobiles,
    oper_userid: f.operUserid,
    add_way: f.addWay,
    ...(f.state ? { state: f.state } : {}),
  };
}

const offsetCursor = (cursor: string | undefined): number => {
  if (!cursor) return 0;
  const n = Number(Buffer.from(cursor, 'base64url').toString());
  if (!Number.isInteger(n) || n < 0) invalid('cursor', 'unknown cursor');
  return n;
};
const nextCursor = (offset: number, total: number) => (offset < total ? Buffer.from(String(offset)).toString('base64url') : '');

function requireStaff(corp: Corp, userid: string | undefined) {
  const s = userid ? corp.staff[userid] : undefined;
  if (!s) fail(40003, `invalid userid ${userid ?? ''}`);
  if (!s.customerContact) fail(84074, `no external contact permission for ${s.userid}`);
  return s;
}

export function registerExternalContact(fastify: FastifyInstance, deps: SandboxDeps): void {
  const { store } = deps;
  const cc = { customerContact: true };

  wecomRoute(fastify, deps, 'GET', '/cgi-bin/externalcontact/list', ({ corp, query }) => {
    const staff = requireStaff(corp, query.userid);
    const ids = customersOfStaff(corp, staff.userid).map((f) => f.externalUserId);
    if (!ids.length) fail(84061);
    return { external_userid: ids };
  }, cc);

  wecomRoute(fastify, deps, 'GET', '/cgi-bin/externalcontact/get', ({ corp, query }) => {
    const ext = query.external_userid;
    if (!ext) fail(41035, 'external_userid missing');
    const person = personByExternalId(store, corp, ext);
    if (!person) fail(40096);
    const follows = followsOfCustomer(corp, ext).sort((a, b) => a.createtime - b.createtime);
    if (!follows.length) fail(84061);
    const offset = offsetCursor(query.cursor);
    const tags = tagLookup(corp);
    const page = follows.slice(offset, offset + FOLLOW_PAGE).map((f) => ({
      ...followBase(f),
      tags: f.tagIds.flatMap((id) => {
        const t = tags.get(id);
        return t ? [{ group_name: t.group, tag_name: t.name, tag_id: id, type: 1 }] : [];
      }),
    }));
    return { external_contact: externalContactJson(store, ext, person), follow_user: page, next_cursor: nextCursor(offset + FOLLOW_PAGE, follows.length) };
  }, cc);

  wecomRoute(fastify, deps, 'POST', '/cgi-bin/externalcontact/batch/get_by_user', ({ corp, body }) => {
    const userids = optStringArray(body, 'userid_list') ?? [];
    if (!userids.length) invalid('userid_list', 'is required');
    if (userids.length > 100) invalid('userid_list', 'at most 100 userids');
    const limit = optInt(body, 'limit') ?? 50;
    if (limit < 1 || limit > 100) invalid('limit', 'must be 1-100');
    const rows: Follow[] = [];
    for (const u of userids) rows.push(...customersOfStaff(corp, requireStaff(corp, u).userid).sort((a, b) => a.createtime - b.createtime));
    const offset = offsetCursor(optString(body, 'cursor'));
    const tags = tagLookup(corp);
    const list = rows.slice(offset, offset + limit).flatMap((f) => {
      const person = personByExternalId(store, corp, f.externalUserId);
      if (!person) return [];
      return [{ external_contact: externalContactJson(store, f.externalUserId, person), follow_info: { ...followBase(f), tag_id: f.tagIds.filter((id) => tags.has(id)) } }];
    });
    return { external_contact_list: list, next_cursor: nextCursor(offset + limit, rows.length) };
  }, cc);

  wecomRoute(fastify, deps, 'POST', '/cgi-bin/externalcontact/remark', ({ corp, body }) => {
    const userid = optString(body, 'userid');
    const ext = optString(body, 'external_userid');
    requireStaff(corp, userid);
    if (!ext) fail(41035, 'external_userid missing');
    const f = corp.follows[ext]?.[userid as string];
    if (!f || f.status === 'requested') fail(84061);
    const remark = optString(body, 'remark');
    const description = optString(body, 'description');
    const company = optString(body, 'remark_company');
    const mobiles = optStringArray(body, 'remark_mobiles');
    if (remark === undefined && description === undefined && company === undefined && mobiles === undefined && body.remark_pic_mediaid === undefined) {
      invalid('remark', 'give at least one remark field');
    }
    maxChars('remark', remark, 20);
    maxChars('description', description, 150);
    maxChars('remark_company', company, 20);
    if (remark !== undefined) f.remark = remark;
    if (description !== undefined) f.description = description;
    if (company !== undefined) f.remarkCorpName = company;
    if (mobiles !== undefined) f.remarkMobiles = mobiles;
    return {};
  }, cc);
}
