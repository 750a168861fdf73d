// The invariants of a task-fission campaign after a run, checked from the database (and from the
// dashboard the admin API served, when given). Usable on any Queryable: a test can corrupt rows
// inside a transaction, check through it, and roll back.
import type { Queryable } from '../../db/client.ts';
import { getCampaignStats, type CampaignStats } from '../../modules/campaign/get-campaign-stats.ts';
import { checkDashboard, DASHBOARD } from './dashboard-matches-recount.ts';
import { checkHelperOnce, HELPER_ONCE } from './helper-once.ts';
import type { InvariantReport, Violation } from './invariant-types.ts';
import { checkLevels, LEVELS } from './levels.ts';
import { checkCompletionRewards, checkStock, COMPLETION_REWARDS, STOCK } from './stock-and-rewards.ts';
import { checkValidCounts, VALID_COUNTS } from './valid-counts.ts';
import { CALLBACKS_HANDLED, checkCallbacksHandled, checkWelcomeAttempts, WELCOME_ONCE } from './welcome-attempts.ts';

export interface InvariantTarget {
  workspaceId: string;
  campaignId: number;
  /** The dashboard as the admin API served it; read through the stats use case when absent. */
  dashboard?: CampaignStats;
}

type Check = [name: string, run: (q: Queryable, t: InvariantTarget) => Promise<Violation[]>];

const CHECKS: Check[] = [
  [VALID_COUNTS, (q, t) => checkValidCounts(q, t.campaignId)],
  [HELPER_ONCE, (q, t) => checkHelperOnce(q, t.campaignId)],
  [STOCK, (q, t) => checkStock(q, t.campaignId)],
  [COMPLETION_REWARDS, (q, t) => checkCompletionRewards(q, t.campaignId)],
  [LEVELS, (q, t) => checkLevels(q, t.campaignId)],
  [WELCOME_ONCE, (q, t) => checkWelcomeAttempts(q, t.workspaceId, t.campaignId)],
  [CALLBACKS_HANDLED, (q, t) => checkCallbacksHandled(q, t.workspaceId)],
  [DASHBOARD, async (q, t) => checkDashboard(q, t.campaignId, t.dashboard ?? (await getCampaignStats(q, t.workspaceId, t.campaignId)))],
];

export async function checkCampaignInvariants(q: Queryable, t: InvariantTarget): Promise<InvariantReport> {
  const violations: Violation[] = [];
  for (const [, run] of CHECKS) violations.push(...(await run(q, t)));
  return { ok: violations.length === 0, checked: CHECKS.map(([name]) => name), skipped: [], violations };
}
