// send_welcome_msg, reference §3.4: the welcome_code from an add event is valid for 20 s and
// usable once (41049 missing, 41050 invalid/expired, 41051 used or already chatting).
import type { FastifyInstance } from 'fastify';
import type { SandboxDeps } from '../deps.ts';
import type { Corp, MessageContent, SandboxMessage } from '../store/model.ts';
import type { SandboxStore } from '../store/store.ts';
import { optString } from './input.ts';
import { readMessageContent } from './message-content.ts';
import { fail, wecomRoute } from './route.ts';

const MESSAGE_LOG = 10_000;

export function logMessage(store: SandboxStore, corp: Corp, m: Omit<SandboxMessage, 'id' | 'at'>): SandboxMessage {
  const msg: SandboxMessage = { id: `m${store.nextSeq()}`, at: store.nowSec(), ...m };
  corp.messages.push(msg);
  if (corp.messages.length > MESSAGE_LOG) corp.messages.splice(0, corp.messages.length - MESSAGE_LOG);
  return msg;
}

export function registerWelcome(fastify: FastifyInstance, deps: SandboxDeps): void {
  const { store } = deps;
  wecomRoute(fastify, deps, 'POST', '/cgi-bin/externalcontact/send_welcome_msg', ({ corp, body }) => {
    const code = optString(body, 'welcome_code');
    if (!code) fail(41049);
    const wc = corp.welcomeCodes[code];
    if (!wc || store.nowSec() >= wc.issuedAt + store.limits.welcomeCodeTtlSec) fail(41050);
    const follow = corp.follows[wc.externalUserId]?.[wc.userid];
    if (!follow) fail(41050);
    if (wc.used || follow.chatted) fail(41051);
    const content: MessageContent = readMessageContent(store, corp, body, { textMaxBytes: 4000, maxAttachments: 9 });
    wc.used = true;
    logMessage(store, corp, { kind: 'welcome', from: wc.userid, to: wc.externalUserId, content });
    return {};
  }, { customerContact: true });
}

/** Forget codes long past their validity so the snapshot does not grow forever. */
export function pruneWelcomeCodes(store: SandboxStore, corp: Corp): void {
  const horizon = store.nowSec() - store.limits.welcomeCodeTtlSec - 3600;
  for (const [code, wc] of Object.entries(corp.welcomeCodes)) if (wc.issuedAt < horizon) delete corp.welcomeCodes[code];
}
