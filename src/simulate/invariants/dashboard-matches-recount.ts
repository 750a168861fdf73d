// The dashboard (as the use case or the admin API returns it) equals the recount from raw rows.
// Days whose five figures are all zero are left out on both sides: the dashboard lists every day
// some counter moved, the recount only days with rows.
import type { Queryable } from '../../db/client.ts';
import type { CampaignStats } from '../../modules/campaign/get-campaign-stats.ts';
import { violationsOf, type Violation } from './invariant-types.ts';
import { recountCampaignStats } from './stats-recount.ts';

export const DASHBOARD = 'dashboard_equals_raw_recount';

/** Paths where `a` and `b` (JSON-like values) differ, e.g. `helps.valid: 10 ≠ 11`. */
export function differences(a: unknown, b: unknown, path = ''): string[] {
  if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return [];
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) => differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k));
  }
  return [`${path}: dashboard ${JSON.stringify(a)} ≠ recount ${JSON.stringify(b)}`];
}

function comparable(s: CampaignStats): unknown {
  const plain = JSON.parse(JSON.stringify(s)) as CampaignStats;
  const daily = plain.daily.filter((d) => d.participants || d.completed || d.newFriends || d.lostFriends || d.validHelps);
  return { ...plain, daily: Object.fromEntries(daily.map((d) => [d.day, d])) };
}

export async function checkDashboard(q: Queryable, campaignId: number, dashboard: CampaignStats): Promise<Violation[]> {
  const recount = await recountCampaignStats(q, campaignId, dashboard.today);
  return violationsOf(DASHBOARD, differences(comparable(dashboard), comparable(recount)));
}
