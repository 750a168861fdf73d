// "Contact me" (联系我) configs, reference §3.1: add/get/list/update/del_contact_way and
// get_follow_user_list, with WeCom's validation errcodes and the per-corp quota shared with join ways.
import type { FastifyInstance } from 'fastify';
import { shanghaiDay } from '../clock.ts';
import type { SandboxDeps } from '../deps.ts';
import { randomHex } from '../rng.ts';
import type { Conclusions, ContactWay, Corp } from '../store/model.ts';
import type { SandboxStore } from '../store/store.ts';
import { mediaUrl, qrImageUrl } from '../urls.ts';
import { invalid, maxBytes, maxChars, optBool, optInt, optIntArray, optObject, optString, optStringArray } from './input.ts';
import { liveMedia } from './media-ref.ts';
import { dropQrKey, newQrKey } from './qr-codes.ts';
import { fail, wecomRoute } from './route.ts';
import type { Json } from './route.ts';

const DAY = 86400;

/** Staff a config reaches: its users plus everyone in its departments. */
export function staffOfWay(corp: Corp, user: string[], party: number[]): string[] {
  const set = new Set(user);
  for (const s of Object.values(corp.staff)) if (s.department.some((d) => party.includes(d))) set.add(s.userid);
  return [...set];
}

function checkStaff(deps: SandboxDeps, corp: Corp, user: string[], party: number[], type: 1 | 2): void {
  for (const u of user) {
    const s = corp.staff[u];
    if (!s) fail(40003, `invalid userid ${u}`);
    if (!s.customerContact) fail(84074, `no external contact permission for ${u}`);
  }
  const departments = new Set(Object.values(corp.staff).flatMap((s) => s.department));
  for (const p of party) if (!departments.has(p)) fail(60123, `invalid party id ${p}`);
  if (type === 1 && (user.length !== 1 || party.length)) {
    if (user.length > 1) fail(41041, 'user count exceeds limit: type 1 takes exactly one user');
    invalid('user', 'type 1 needs exactly one user and no party');
  }
  if (type === 2 && !user.length && !party.length) invalid('user', 'type 2 needs users or parties');
  if (staffOfWay(corp, user, party).length > deps.store.limits.staffPerWay) fail(41041, `user count exceeds limit ${deps.store.limits.staffPerWay}`);
}

function readConclusions(store: SandboxStore, corp: Corp, body: Json): Conclusions | undefined {
  const c = optObject(body, 'conclusions');
  if (!c) return undefined;
  const out: Conclusions = {};
  const text = optObject(c, 'text');
  if (text) {
    const content = optString(text, 'content') ?? '';
    maxBytes('conclusions.text.content', content, 4000);
    out.text = { content };
  }
  const image = optObject(c, 'image');
  if (image) out.image = { media_id: liveMedia(store, corp, image.media_id).mediaId };
  const link = optObject(c, 'link');
  if (link) {
    const title = optString(link, 'title');
    const url = optString(link, 'url');
    const desc = optString(link, 'desc');
    const picurl = optString(link, 'picurl');
    if (!title || !url) return invalid('conclusions.link', 'title and url are required');
    maxBytes('conclusions.link.title', title, 128);
    maxBytes('conclusions.link.desc', desc, 512);
    out.link = { title, url, ...(picurl ? { picurl } : {}), ...(desc ? { desc } : {}) };
  }
  const mp = optObject(c, 'miniprogram');
  if (mp) {
    const title = optString(mp, 'title');
    const pic = optString(mp, 'pic_media_id');
    const appid = optString(mp, 'appid');
    const page = optString(mp, 'page');
    if (!title || !pic || !appid || !page) return invalid('conclusions.miniprogram', 'title, pic_media_id, appid and page are required');
    maxBytes('conclusions.miniprogram.title', title, 64);
    liveMedia(store, corp, pic);
    out.miniprogram = { title, pic_media_id: pic, appid, page };
  }
  return out;
}

function conclusionsForGet(store: SandboxStore, c: Conclusions | undefined): Json | undefined {
  if (!c) return undefined;
  const { image, ...rest } = c;
  return { ...rest, ...(image?.media_id ? { image: { pic_url: mediaUrl(store, image.media_id) } } : {}) };
}

function findWay(corp: Corp, body: Json): ContactWay {
  const id = optString(body, 'config_id');
  if (!id) fail(41043, 'config_id missing');
  const way = corp.contactWays[id];
  if (!way) fail(41044, `invalid config_id ${id}`);
  return way;
}

export const wayExpired = (store: SandboxStore, w: ContactWay) => w.isTemp && (w.used || store.nowSec() >= w.createdAt + w.expiresIn);

export function contactWayJson(store: SandboxStore, w: ContactWay): Json {
  return {
    config_id: w.configId,
    type: w.type,
    scene: w.scene,
    ...(w.style !== undefined ? { style: w.style } : {}),
    remark: w.remark,
    skip_verify: w.skipVerify,
    state: w.state,
    ...(w.qrKey ? { qr_code: qrImageUrl(store, w.qrKey) } : {}),
    user: w.user,
    party: w.party,
    is_temp: w.isTemp,
    ...(w.isTemp ? { expires_in: w.expiresIn, chat_expires_in: w.chatExpiresIn, unionid: w.unionid } : {}),
    ...(w.conclusions ? { conclusions: conclusionsForGet(store, w.conclusions) } : {}),
  };
}

function validateStyle(type: 1 | 2, style: number | undefined): void {
  if (style === undefined) return;
  const max = type === 1 ? 3 : 2;
  if (style < 1 || style > max) fail(41042, `invalid style ${style}`);
}

function validateTemp(w: Pick<ContactWay, 'isTemp' | 'type' | 'expiresIn' | 'chatExpiresIn'>): void {
  if (!w.isTemp) return;
  if (w.type !== 1) invalid('is_temp', 'temporary sessions take a single staff member (type 1)');
  if (w.expiresIn <= 0 || w.expiresIn > 14 * DAY) invalid('expires_in', 'must be within 14 days');
  if (w.chatExpiresIn <= 0 || w.chatExpiresIn > 14 * DAY) invalid('chat_expires_in', 'must be within 14 days');
}

export function registerContactWay(fastify: FastifyInstance, deps: SandboxDeps): void {
  const { store } = deps;
  const cc = { customerContact: true };

  wecomRoute(fastify, deps, 'POST', '/cgi-bin/externalcontact/add_contact_way', ({ corp, app, body }) => {
    const type = optInt(body, 'type');
    const scene = optInt(body, 'scene');
    if (type === undefined) fail(41037, 'missing contact way type');
    if (scene === undefined) fail(41038, 'missing contact way scene');
    if (type !== 1 && type !== 2) fail(41039, `invalid contact way type ${type}`);
    if (scene !== 1 && scene !== 2) fail(41040, `invalid contact way scene ${scene}`);
    const style = optInt(body, 'style');
    validateStyle(type, style);
    const remark = optString(body, 'remark') ?? '';
    maxChars('remark', remark, 30);
    const state = optString(body, 'state') ?? '';
    maxChars('state', state, store.limits.stateMaxChars);
    const user = optStringArray(body, 'user') ?? [];
    const party = optIntArray(body, 'party') ?? [];
    checkStaff(deps, corp, user, party, type);
    const isTemp = optBool(body, 'is_temp') ?? false;
    const way: ContactWay = {
      configId: randomHex(16),
      appKey: app.key,
      type,
      scene,
      ...(style !== undefined ? { style } : {}),
      remark,
      skipVerify: optBool(body, 'skip_verify') ?? true,
      state,
      user,
      party,
      isTemp,
      expiresIn: optInt(body, 'expires_in') ?? 7 * DAY,
      chatExpiresIn: optInt(body, 'chat_expires_in') ?? DAY,
      unionid: optString(body, 'unionid') ?? '',
      isExclusive: optBool(body, 'is_exclusive') ?? false,
      createdAt: store.nowSec(),
      used: false,
      nextStaff: 0,
    };
    validateTemp(way);
    const conclusions = readConclusions(store, corp, body);
    if (conclusions) way.conclusions = conclusions;
    if (isTemp) {
      const day = shanghaiDay(store.clock.now());
      if ((corp.tempWayCounts[day] ?? 0) >= store.limits.tempWaysPerDay) fail(41045, 'temporary contact way count reached the daily limit');
      corp.tempWayCounts = { [day]: (corp.tempWayCounts[day] ?? 0) + 1 };
    } else {
      if (corp.wayCount >= store.limits.waysPerCorp) fail(41045, 'contact way count reached the limit');
      corp.wayCount++;
    }
    if (scene === 2) way.qrKey = newQrKey(store, { corpid: corp.corpid, kind: 'contact_way', configId: way.configId });
    corp.contactWays[way.configId] = way;
    return { config_id: way.configId, ...(way.qrKey ? { qr_code: qrImageUrl(store, way.qrKey) } : {}) };
  }, cc);

  wecomRoute(fastify, deps, 'POST', '/cgi-bin/externalcontact/get_contact_way', ({ corp, body }) => ({
    contact_way: contactWayJson(store, findWay(corp, body)),
  }), cc);

  wecomRoute(fastify, deps, 'POST', '/cgi-bin/externalcontact/list_contact_way', ({ corp, body }) => {
    const now = store.nowSec();
    const start = optInt(body, 'start_time') ?? now - 90 * DAY;
    const end = optInt(body, 'end_time') ?? now;
    const limit = optInt(body, 'limit') ?? 100;
    if (limit < 1 || limit > 1000) invalid('limit', 'must be 1-1000');
    const cursor = optString(body, 'cursor') ?? '';
    const offset = cursor ? Number(Buffer.from(cursor, 'base64url').toString()) : 0;
    if (!Number.isInteger(offset) || offset < 0) invalid('cursor', 'unknown cursor');
    const rows = Object.values(corp.contactWays)
      .filter((w) => !w.isTemp && w.createdAt >= start && w.createdAt <= end)
      .sort((a, b) => a.createdAt - b.createdAt || a.configId.localeCompare(b.configId));
    const page = rows.slice(offset, offset + limit);
    const more = offset + limit < rows.length;
    return { contact_way: page.map((w) => ({ config_id: w.configId })), next_cursor: more ? Buffer.from(String(offset + limit)).toString('base64url') : '' };
  }, cc);

  wecomRoute(fastify, deps, 'POST', '/cgi-bin/externalcontact/update_contact_way', ({ corp, body }) => {
    const way = findWay(corp, body);
    if (way.isTemp && wayExpired(store, way)) invalid('config_id', 'temporary contact way expired');
    const next: ContactWay = { ...way };
    const remark = optString(body, 'remark');
    maxChars('remark', remark, 30);
    if (remark !== undefined) next.remark = remark;
    const skip = optBool(body, 'skip_verify');
    if (skip !== undefined) next.skipVerify = skip;
    const style = optInt(body, 'style');
    validateStyle(way.type, style);
    if (style !== undefined) next.style = style;
    const state = optString(body, 'state');
    maxChars('state', state, store.limits.stateMaxChars);
    if (state !== undefined) next.state = state;
    const user = optStringArray(body, 'user');
    const party = optIntArray(body, 'party');
    if (user !== undefined) next.user = user;
    if (party !== undefined) next.party = party;
    if (user !== undefined || party !== undefined) checkStaff(deps, corp, next.user, next.party, way.type);
    const expiresIn = optInt(body, 'expires_in');
    if (expiresIn !== undefined) next.expiresIn = expiresIn;
    const chatExpiresIn = optInt(body, 'chat_expires_in');
    if (chatExpiresIn !== undefined) next.chatExpiresIn = chatExpiresIn;
    const unionid = optString(body, 'unionid');
    if (unionid !== undefined) next.unionid = unionid;
    validateTemp(next);
    const conclusions = readConclusions(store, corp, body);
    if (conclusions) next.conclusions = conclusions;
    corp.contactWays[way.configId] = next;
    return {};
  }, cc);

  wecomRoute(fastify, deps, 'POST', '/cgi-bin/externalcontact/del_contact_way', ({ corp, body }) => {
    const way = findWay(corp, body);
    delete corp.contactWays[way.configId];
    dropQrKey(store, way.qrKey);
    if (!way.isTemp) corp.wayCount--;
    return {};
  }, cc);

  wecomRoute(fastify, deps, 'GET', '/cgi-bin/externalcontact/get_follow_user_list', ({ corp }) => ({
    follow_user: Object.values(corp.staff).filter((s) => s.customerContact).map((s) => s.userid),
  }), cc);
}
