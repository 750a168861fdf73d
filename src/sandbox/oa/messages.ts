// What passed between an Official Account and its users, for the phone page and the sandbox API:
// what users wrote, and what reached them (customer-service, template, passive replies, red packets).
import type { OaMessage, OfficialAccount } from '../store/oa-model.ts';
import type { SandboxStore } from '../store/store.ts';

const MESSAGE_LOG = 10_000;

/** What WeChat shows a user when the account's server failed them. */
export const SERVICE_UNAVAILABLE = '该公众号暂时无法提供服务，请稍后再试';

export function logOaMessage(store: SandboxStore, oa: OfficialAccount, m: Omit<OaMessage, 'id' | 'at'>): OaMessage {
  const msg: OaMessage = { id: `m${store.nextSeq()}`, at: store.nowSec(), ...m };
  oa.messages.push(msg);
  if (oa.messages.length > MESSAGE_LOG) oa.messages.splice(0, oa.messages.length - MESSAGE_LOG);
  store.changed();
  return msg;
}
