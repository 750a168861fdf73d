// Group welcome templates, reference §4.4: add/get/edit/del; ≤ 100 per corp (41055); only the app
// that created a template may edit or delete it (41058).
import type { FastifyInstance } from 'fastify';
import type { SandboxDeps } from '../deps.ts';
import { randomAlnum } from '../rng.ts';
import type { Corp, GroupWelcomeTemplate } from '../store/model.ts';
import type { SandboxStore } from '../store/store.ts';
import { mediaUrl } from '../urls.ts';
import { invalid, maxBytes, optInt, optObject, optString } from './input.ts';
import { readAttachment } from './message-content.ts';
import { fail, wecomRoute } from './route.ts';
import type { Json } from './route.ts';

const KINDS = ['image', 'link', 'miniprogram', 'file', 'video'] as const;

function readTemplate(store: SandboxStore, corp: Corp, body: Json, textMax: number): Pick<GroupWelcomeTemplate, 'text' | 'attachments' | 'raw'> {
  const text = optObject(body, 'text');
  const content = text ? (optString(text, 'content') ?? '') : '';
  maxBytes('text.content', content, textMax);
  const attachments: Record<string, unknown>[] = [];
  const raw: Json = {};
  if (content) raw.text = { content };
  // Text can go with one other kind; WeCom keeps the highest-priority one.
  for (const kind of KINDS) {
    const v = optObject(body, kind);
    if (!v || attachments.length) continue;
    const normalised = readAttachment(store, corp, kind, v, kind);
    attachments.push({ msgtype: kind, [kind]: normalised });
    raw[kind] = normalised;
  }
  if (!content && !attachments.length) fail(44004, 'empty content: give text or one of image/link/miniprogram/file/video');
  return { ...(content ? { text: { content } } : {}), attachments, raw };
}

function findTemplate(corp: Corp, body: Json): GroupWelcomeTemplate {
  const id = optString(body, 'template_id');
  if (!id) invalid('template_id', 'is required');
  const t = corp.groupWelcomeTemplates[id as string];
  if (!t) invalid('template_id', `unknown template ${id}`);
  return t as GroupWelcomeTemplate;
}

export function registerGroupWelcome(fastify: FastifyInstance, deps: SandboxDeps): void {
  const { store } = deps;
  const cc = { customerContact: true };

  wecomRoute(fastify, deps, 'POST', '/cgi-bin/externalcontact/group_welcome_template/add', ({ corp, app, body }) => {
    if (Object.keys(corp.groupWelcomeTemplates).length >= store.limits.groupWelcomeTemplates) fail(41055, 'group welcome template count reached the limit');
    const notify = optInt(body, 'notify') ?? 1;
    if (notify !== 0 && notify !== 1) invalid('notify', 'must be 0 or 1');
    const t: GroupWelcomeTemplate = { templateId: `msg${randomAlnum(24)}`, appKey: app.key, notify: notify as 0 | 1, createdAt: store.nowSec(), ...readTemplate(store, corp, body, 3000) };
    corp.groupWelcomeTemplates[t.templateId] = t;
    return { template_id: t.templateId };
  }, cc);

  wecomRoute(fastify, deps, 'POST', '/cgi-bin/externalcontact/group_welcome_template/get', ({ corp, body }) => {
    const t = findTemplate(corp, body);
    const out: Json = {};
    for (const [k, v] of Object.entries(t.raw)) {
      const item = v as Json;
      out[k] = k === 'image' && typeof item.media_id === 'string' ? { pic_url: mediaUrl(store, item.media_id) } : item;
    }
    return out;
  }, cc);

  wecomRoute(fastify, deps, 'POST', '/cgi-bin/externalcontact/group_welcome_template/edit', ({ corp, app, body }) => {
    const t = findTemplate(corp, body);
    if (t.appKey !== app.key) fail(41058, 'no permission to edit this group welcome template');
    Object.assign(t, readTemplate(store, corp, body, 4000));
    return {};
  }, cc);

  wecomRoute(fastify, deps, 'POST', '/cgi-bin/externalcontact/group_welcome_template/del', ({ corp, app, body }) => {
    const t = findTemplate(corp, body);
    if (t.appKey !== app.key) fail(41058, 'no permission to delete this group welcome template');
    delete corp.groupWelcomeTemplates[t.templateId];
    return {};
  }, cc);
}
