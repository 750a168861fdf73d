// Parametric QR codes (reference §6.2): temporary (QR_SCENE / QR_STR_SCENE, expire_seconds default 60,
// at most 30 days) and permanent (QR_LIMIT_*: scene_id 1..100 000, at most 100 000 codes; the same
// scene gives back the same ticket). scene_str 1..64 characters. Bad action ⇒ 40052/40053. A request
// without the `scene` wrapper still gets an integer code, whose scans then carry `qrscene_0`, as on
// WeChat.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { SandboxDeps } from '../deps.ts';
import { randomAlnum } from '../rng.ts';
import type { OaQrCode, OfficialAccount } from '../store/oa-model.ts';
import { qrContentUrl } from '../urls.ts';
import { oaFail } from './errors.ts';
import { oaRoute } from './route.ts';
import type { Json } from './route.ts';

const ACTIONS = ['QR_SCENE', 'QR_STR_SCENE', 'QR_LIMIT_SCENE', 'QR_LIMIT_STR_SCENE'] as const;
type Action = (typeof ACTIONS)[number];
const INT32_MAX = 2 ** 31 - 1;

const badInfo = (why: string): never => oaFail(40053, `invalid action info, please check document: ${why}`);

function readScene(deps: SandboxDeps, action: Action, info: unknown): { sceneId?: number; sceneStr?: string } {
  if (!info || typeof info !== 'object' || Array.isArray(info)) return badInfo('action_info is required');
  const scene = (info as Json).scene;
  const isStr = action.endsWith('STR_SCENE');
  if (scene === undefined && !isStr) return { sceneId: 0 };
  if (!scene || typeof scene !== 'object') return badInfo('action_info.scene must be an object');
  const { scene_id: id, scene_str: str } = scene as Json;
  if (isStr) {
    const max = deps.store.limits.oa.sceneStrMaxChars;
    if (typeof str !== 'string' || str.length === 0 || [...str].length > max) return badInfo(`scene_str must be 1-${max} characters`);
    return { sceneStr: str };
  }
  const permanent = action === 'QR_LIMIT_SCENE';
  const ok = typeof id === 'number' && Number.isInteger(id) && (permanent ? id >= 1 && id <= 100_000 : id !== 0 && Math.abs(id) <= INT32_MAX);
  if (!ok) return badInfo(permanent ? 'scene_id must be 1-100000' : 'scene_id must be a non-zero 32-bit integer');
  return { sceneId: id as number };
}

function newTicket(qrKey: string): string {
  // Like WeChat's: base64 with `+`, `/` and `=`, so clients must URL-encode it for showqrcode.
  return Buffer.concat([Buffer.from([0x81, 0x0e]), randomBytes(7), Buffer.from(qrKey)]).toString('base64');
}

function pruneExpired(deps: SandboxDeps, oa: OfficialAccount): void {
  const horizon = deps.store.nowSec() - 86400;
  for (const [ticket, qr] of Object.entries(oa.qrCodes)) {
    if (qr.expiresAt !== undefined && qr.expiresAt < horizon) {
      delete oa.qrCodes[ticket];
      delete deps.store.data.qrCodes[qr.qrKey];
    }
  }
}

export function createOaQrCode(deps: SandboxDeps, oa: OfficialAccount, action: Action, scene: { sceneId?: number; sceneStr?: string }, expireSec?: number): OaQrCode {
  const { store } = deps;
  const permanent = action.startsWith('QR_LIMIT');
  const sceneKey = scene.sceneStr !== undefined ? `str:${scene.sceneStr}` : `id:${scene.sceneId}`;
  if (permanent) {
    const known = oa.permanentScenes[sceneKey];
    const existing = known ? oa.qrCodes[known] : undefined;
    if (existing) return existing;
    if (Object.keys(oa.permanentScenes).length >= store.limits.oa.permanentQrCodes) badInfo(`the ${store.limits.oa.permanentQrCodes} permanent QR codes are used up`);
  } else {
    pruneExpired(deps, oa);
  }
  const qrKey = randomAlnum(22);
  const now = store.nowSec();
  const qr: OaQrCode = { ticket: newTicket(qrKey), actionName: action, ...scene, qrKey, createdAt: now, ...(permanent ? {} : { expiresAt: now + (expireSec as number) }) };
  oa.qrCodes[qr.ticket] = qr;
  if (permanent) oa.permanentScenes[sceneKey] = qr.ticket;
  store.data.qrCodes[qrKey] = { kind: 'oa_qrcode', appid: oa.appid, ticket: qr.ticket };
  store.changed();
  return qr;
}

export function registerOaQrCode(fastify: FastifyInstance, deps: SandboxDeps): void {
  const { store } = deps;
  oaRoute(fastify, deps, 'POST', '/cgi-bin/qrcode/create', ({ oa, body }) => {
    const action = body.action_name;
    if (typeof action !== 'string' || !(ACTIONS as readonly string[]).includes(action)) oaFail(40052);
    const scene = readScene(deps, action as Action, body.action_info);
    let expire: number | undefined;
    if (!action.startsWith('QR_LIMIT')) {
      const v = body.expire_seconds;
      if (v !== undefined && (typeof v !== 'number' || !Number.isInteger(v))) oaFail(47001, 'data format error: expire_seconds must be an integer');
      const { qrDefaultExpireSec, qrMaxExpireSec } = store.limits.oa;
      expire = v === undefined || v <= 0 ? qrDefaultExpireSec : Math.min(v, qrMaxExpireSec);
    }
    const qr = createOaQrCode(deps, oa, action as Action, scene, expire);
    return {
      ticket: qr.ticket,
      ...(qr.expiresAt !== undefined ? { expire_seconds: qr.expiresAt - store.nowSec() } : {}),
      url: qrContentUrl(store, qr.qrKey),
    };
  });
}
