// Provisioning WeChat Pay merchants as pay.weixin.qq.com would: mch_id, the APIv2 key, bound AppIDs,
// and the red-packet balance (topped up through the sandbox API).
import { randomInt } from 'node:crypto';
import { randomAlnum } from '../rng.ts';
import type { Merchant } from './pay-model.ts';
import { ProvisionError } from './provision.ts';
import type { SandboxStore } from './store.ts';

export interface MerchantInput {
  mchId?: string;
  name: string;
  key?: string;
  balance?: number;
  appids?: string[];
}

export function createMerchant(store: SandboxStore, input: MerchantInput): Merchant {
  const mchId = input.mchId ?? `16${String(randomInt(100_000_000)).padStart(8, '0')}`;
  if (!/^\d{8,32}$/.test(mchId)) throw new ProvisionError('mchId', 'must be 8-32 digits');
  if (store.data.merchants[mchId]) throw new ProvisionError('mchId', `merchant ${mchId} already exists`);
  if (!input.name?.trim()) throw new ProvisionError('name', 'is required');
  const key = input.key ?? randomAlnum(32);
  if (!/^[A-Za-z0-9]{32}$/.test(key)) throw new ProvisionError('key', 'must be 32 letters or digits');
  const m: Merchant = { mchId, name: input.name, key, balance: 0, appids: [], createdAt: store.nowSec(), redpacks: {}, days: {}, injections: [] };
  if (input.balance !== undefined) topUp(m, input.balance);
  if (input.appids) bindAppids(store, m, input.appids);
  store.data.merchants[mchId] = m;
  store.changed();
  return m;
}

export function topUp(m: Merchant, fen: number): void {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new ProvisionError('amount', 'must be a whole number of fen, at least 0');
  m.balance += fen;
}

export function bindAppids(store: SandboxStore, m: Merchant, appids: string[]): void {
  for (const a of appids) if (!store.data.oas[a]) throw new ProvisionError('appids', `official account ${a} not found`);
  m.appids = [...new Set(appids)];
}
