// "Join group" (加入群聊) configs, reference §4.2: add/get/update/del_join_way, ≤ 5 chats each,
// sharing the per-corp quota with contact ways; apps see only the join ways they created.
import type { FastifyInstance } from 'fastify';
import type { SandboxDeps } from '../deps.ts';
import { randomHex } from '../rng.ts';
import type { Corp, JoinWay } from '../store/model.ts';
import type { SandboxStore } from '../store/store.ts';
import { qrImageUrl } from '../urls.ts';
import { chars, invalid, maxChars, optBool, optInt, optString, optStringArray } from './input.ts';
import { dropQrKey, newQrKey } from './qr-codes.ts';
import { fail, wecomRoute } from './route.ts';
import type { Json } from './route.ts';

type JoinWayFields = Pick<JoinWay, 'scene' | 'remark' | 'autoCreateRoom' | 'roomBaseName' | 'roomBaseId' | 'chatIdList' | 'state' | 'markSource'>;

function readFields(store: SandboxStore, corp: Corp, body: Json): JoinWayFields {
  const scene = optInt(body, 'scene');
  if (scene === undefined) fail(41038, 'missing join way scene');
  if (scene !== 1 && scene !== 2) fail(41040, `invalid join way scene ${scene}`);
  const chatIds = optStringArray(body, 'chat_id_list') ?? [];
  if (!chatIds.length) invalid('chat_id_list', 'is required');
  if (chatIds.length > store.limits.joinWayMaxChats) invalid('chat_id_list', `at most ${store.limits.joinWayMaxChats} chats`);
  for (const id of chatIds) {
    const g = corp.groups[id];
    if (!g || g.dismissed) fail(40050, `chatid not exist ${id}`);
  }
  const auto = optInt(body, 'auto_create_room') ?? 1;
  if (auto !== 0 && auto !== 1) invalid('auto_create_room', 'must be 0 or 1');
  const roomBaseName = optString(body, 'room_base_name') ?? '';
  maxChars('room_base_name', roomBaseName, 40);
  const state = optString(body, 'state') ?? '';
  maxChars('state', state, store.limits.stateMaxChars);
  const remark = optString(body, 'remark') ?? '';
  return {
    scene,
    // WeCom truncates a remark over 30 characters rather than rejecting it.
    remark: chars(remark) > 30 ? [...remark].slice(0, 30).join('') : remark,
    autoCreateRoom: auto as 0 | 1,
    roomBaseName,
    roomBaseId: optInt(body, 'room_base_id') ?? 1,
    chatIdList: chatIds,
    state,
    markSource: optBool(body, 'mark_source') ?? false,
  };
}

function findWay(corp: Corp, appKey: string, body: Json): JoinWay {
  const id = optString(body, 'config_id');
  if (!id) fail(41043, 'config_id missing');
  const way = corp.joinWays[id];
  if (!way || way.appKey !== appKey) fail(41044, `invalid config_id ${id}`);
  return way;
}

function joinWayJson(store: SandboxStore, w: JoinWay): Json {
  return {
    config_id: w.configId,
    scene: w.scene,
    remark: w.remark,
    auto_create_room: w.autoCreateRoom,
    room_base_name: w.roomBaseName,
    room_base_id: w.roomBaseId,
    chat_id_list: w.chatIdList,
    ...(w.qrKey ? { qr_code: qrImageUrl(store, w.qrKey) } : {}),
    state: w.state,
  };
}

export function registerJoinWay(fastify: FastifyInstance, deps: SandboxDeps): void {
  const { store } = deps;
  const cc = { customerContact: true };

  wecomRoute(fastify, deps, 'POST', '/cgi-bin/externalcontact/groupchat/add_join_way', ({ corp, app, body }) => {
    const fields = readFields(store, corp, body);
    if (corp.wayCount >= store.limits.waysPerCorp) fail(41045, 'contact way count reached the limit');
    const way: JoinWay = { configId: randomHex(16), appKey: app.key, ...fields, createdAt: store.nowSec(), autoChatIds: [], nextRoomId: fields.roomBaseId };
    if (way.scene === 2) way.qrKey = newQrKey(store, { corpid: corp.corpid, kind: 'join_way', configId: way.configId });
    corp.joinWays[way.configId] = way;
    corp.wayCount++;
    return { config_id: way.configId };
  }, cc);

  wecomRoute(fastify, deps, 'POST', '/cgi-bin/externalcontact/groupchat/get_join_way', ({ corp, app, body }) => ({
    join_way: joinWayJson(store, findWay(corp, app.key, body)),
  }), cc);

  wecomRoute(fastify, deps, 'POST', '/cgi-bin/externalcontact/groupchat/update_join_way', ({ corp, app, body }) => {
    const way = findWay(corp, app.key, body);
    const fields = readFields(store, corp, body);
    const next: JoinWay = { ...way, ...fields, nextRoomId: fields.roomBaseId === way.roomBaseId ? way.nextRoomId : fields.roomBaseId };
    if (next.scene === 2 && !next.qrKey) next.qrKey = newQrKey(store, { corpid: corp.corpid, kind: 'join_way', configId: way.configId });
    if (next.scene === 1 && next.qrKey) {
      dropQrKey(store, next.qrKey);
      delete next.qrKey;
    }
    corp.joinWays[way.configId] = next;
    return {};
  }, cc);

  wecomRoute(fastify, deps, 'POST', '/cgi-bin/externalcontact/groupchat/del_join_way', ({ corp, app, body }) => {
    const way = findWay(corp, app.key, body);
    delete corp.joinWays[way.configId];
    dropQrKey(store, way.qrKey);
    corp.wayCount--;
    return {};
  }, cc);
}
