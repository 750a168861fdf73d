// Corp customer tags, reference §3.5: get_corp_tag_list, add/edit/del_corp_tag and mark_tag.
import type { FastifyInstance } from 'fastify';
import type { SandboxDeps } from '../deps.ts';
import { randomAlnum } from '../rng.ts';
import type { Corp, Tag, TagGroup } from '../store/model.ts';
import { invalid, maxChars, optInt, optString, optStringArray } from './input.ts';
import { fail, wecomRoute } from './route.ts';
import type { Json } from './route.ts';

const newId = () => `et${randomAlnum(20)}`;
const tagJson = (t: Tag) => ({ id: t.id, name: t.name, create_time: t.createTime, order: t.order, deleted: false });
const groupJson = (g: TagGroup, tags = g.tags) => ({ group_id: g.groupId, group_name: g.groupName, create_time: g.createTime, order: g.order, deleted: false, tag: tags.map(tagJson) });
const tagCount = (corp: Corp) => corp.tagGroups.reduce((n, g) => n + g.tags.length, 0);

function findTag(corp: Corp, id: string): { group: TagGroup; tag: Tag } | undefined {
  for (const group of corp.tagGroups) {
    const tag = group.tags.find((t) => t.id === id);
    if (tag) return { group, tag };
  }
  return undefined;
}

function readOrder(body: Json): number | undefined {
  const order = optInt(body, 'order');
  if (order !== undefined && (order < 0 || order >= 2 ** 32)) invalid('order', 'must be in [0, 2^32)');
  return order;
}

export function registerTags(fastify: FastifyInstance, deps: SandboxDeps): void {
  const { store } = deps;
  const cc = { customerContact: true };

  wecomRoute(fastify, deps, 'POST', '/cgi-bin/externalcontact/get_corp_tag_list', ({ corp, body }) => {
    const tagIds = optStringArray(body, 'tag_id') ?? [];
    const groupIds = optStringArray(body, 'group_id') ?? [];
    const sorted = [...corp.tagGroups].sort((a, b) => b.order - a.order);
    if (groupIds.length) return { tag_group: sorted.filter((g) => groupIds.includes(g.groupId)).map((g) => groupJson(g)) };
    if (tagIds.length) {
      return {
        tag_group: sorted.flatMap((g) => {
          const tags = g.tags.filter((t) => tagIds.includes(t.id));
          return tags.length ? [groupJson(g, tags)] : [];
        }),
      };
    }
    return { tag_group: sorted.map((g) => groupJson(g, [...g.tags].sort((a, b) => b.order - a.order))) };
  }, cc);

  wecomRoute(fastify, deps, 'POST', '/cgi-bin/externalcontact/add_corp_tag', ({ corp, body }) => {
    const groupId = optString(body, 'group_id');
    const groupName = optString(body, 'group_name');
    maxChars('group_name', groupName, 30);
    const raw = body.tag;
    if (!Array.isArray(raw) || !raw.length) invalid('tag', 'at least one tag is required');
    const wanted = (raw as unknown[]).map((t, i) => {
      if (!t || typeof t !== 'object') return invalid(`tag.${i}`, 'must be an object');
      const name = optString(t as Json, 'name');
      if (!name) return invalid(`tag.${i}.name`, 'is required');
      maxChars(`tag.${i}.name`, name, 30);
      return { name, order: readOrder(t as Json) ?? 0 };
    });
    const now = store.nowSec();
    let group = groupId ? corp.tagGroups.find((g) => g.groupId === groupId) : corp.tagGroups.find((g) => g.groupName === groupName);
    if (groupId && !group) fail(40068, `invalid tag group id ${groupId}`);
    if (!group) {
      if (!groupName) invalid('group_name', 'group_id or group_name is required');
      group = { groupId: newId(), groupName: groupName as string, createTime: now, order: readOrder(body) ?? 0, tags: [] };
    }
    const out: Tag[] = [];
    let added = 0;
    for (const w of wanted) {
      const existing = group.tags.find((t) => t.name === w.name) ?? out.find((t) => t.name === w.name);
      if (existing) {
        if (!out.includes(existing)) out.push(existing);
        continue;
      }
      const tag = { id: newId(), name: w.name, createTime: now, order: w.order };
      out.push(tag);
      added++;
    }
    if (tagCount(corp) + added > store.limits.corpTags) invalid('tag', `a corp holds at most ${store.limits.corpTags} tags`);
    for (const t of out) if (!group.tags.includes(t)) group.tags.push(t);
    if (!corp.tagGroups.includes(group)) corp.tagGroups.push(group);
    return {
      tag_group: {
        group_id: group.groupId,
        group_name: group.groupName,
        create_time: group.createTime,
        order: group.order,
        tag: out.map((t) => ({ id: t.id, name: t.name, create_time: t.createTime, order: t.order })),
      },
    };
  }, cc);

  wecomRoute(fastify, deps, 'POST', '/cgi-bin/externalcontact/edit_corp_tag', ({ corp, body }) => {
    const id = optString(body, 'id');
    if (!id) invalid('id', 'is required');
    const name = optString(body, 'name');
    maxChars('name', name, 30);
    const order = readOrder(body);
    const group = corp.tagGroups.find((g) => g.groupId === id);
    if (group) {
      if (name !== undefined && corp.tagGroups.some((g) => g !== group && g.groupName === name)) fail(40071, `tag group name ${name} exists`);
      if (name !== undefined) group.groupName = name;
      if (order !== undefined) group.order = order;
      return {};
    }
    const found = findTag(corp, id as string);
    if (!found) fail(40068, `invalid tag id ${id}`);
    if (name !== undefined && found.group.tags.some((t) => t !== found.tag && t.name === name)) fail(40071, `tag name ${name} exists`);
    if (name !== undefined) found.tag.name = name;
    if (order !== undefined) found.tag.order = order;
    return {};
  }, cc);

  wecomRoute(fastify, deps, 'POST', '/cgi-bin/externalcontact/del_corp_tag', ({ corp, body }) => {
    const tagIds = optStringArray(body, 'tag_id') ?? [];
    const groupIds = optStringArray(body, 'group_id') ?? [];
    if (!tagIds.length && !groupIds.length) invalid('tag_id', 'tag_id or group_id is required');
    for (const id of tagIds) if (!findTag(corp, id)) fail(40068, `invalid tag id ${id}`);
    for (const id of groupIds) if (!corp.tagGroups.some((g) => g.groupId === id)) fail(40068, `invalid tag group id ${id}`);
    for (const g of corp.tagGroups) g.tags = g.tags.filter((t) => !tagIds.includes(t.id));
    corp.tagGroups = corp.tagGroups.filter((g) => !groupIds.includes(g.groupId) && g.tags.length > 0);
    return {};
  }, cc);

  wecomRoute(fastify, deps, 'POST', '/cgi-bin/externalcontact/mark_tag', ({ corp, body }) => {
    const userid = optString(body, 'userid');
    const ext = optString(body, 'external_userid');
    if (!userid || !corp.staff[userid]) fail(40003, `invalid userid ${userid ?? ''}`);
    if (!ext) fail(41035, 'external_userid missing');
    const add = optStringArray(body, 'add_tag') ?? [];
    const remove = optStringArray(body, 'remove_tag') ?? [];
    if (!add.length && !remove.length) invalid('add_tag', 'add_tag and remove_tag cannot both be empty');
    const f = corp.follows[ext]?.[userid];
    if (!f || f.status === 'requested') fail(84061);
    for (const id of [...add, ...remove]) if (!findTag(corp, id)) fail(40068, `invalid tag id ${id}`);
    f.tagIds = [...new Set([...f.tagIds.filter((t) => !remove.includes(t)), ...add])];
    return {};
  }, cc);
}
