// Daily call quotas per AppID and API (reference §6.9): counted per natural day in Asia/Shanghai;
// over quota ⇒ 45009.
import { shanghaiDay } from '../clock.ts';
import type { OfficialAccount } from '../store/oa-model.ts';
import type { SandboxStore } from '../store/store.ts';

/** Counts one call; false when today's quota for this API is used up. */
export function hitDailyQuota(store: SandboxStore, oa: OfficialAccount, api: string): boolean {
  const limit = store.limits.oa.daily[api];
  if (limit === undefined) return true;
  const day = shanghaiDay(store.clock.now());
  const key = `${api}|${day}`;
  const used = oa.quota[key] ?? 0;
  if (used >= limit) return false;
  // Yesterday's counters are dropped so the snapshot stays small.
  for (const k of Object.keys(oa.quota)) if (!k.endsWith(`|${day}`)) delete oa.quota[k];
  oa.quota[key] = used + 1;
  return true;
}
