// The workspace's campaigns, newest first, each with its live participant and completion counts
// and stock left. A workspace runs tens to hundreds of campaigns, so one page holds them all.
import type { Queryable } from '../../db/client.ts';
import { loadTierStock } from '../reward/tier-stock.ts';
import { CAMPAIGN_COLUMNS, type CampaignRow } from './campaign-row.ts';
import { campaignView, type CampaignView } from './campaign-view.ts';
import { readStatCounters } from './stat-counters.ts';

export interface CampaignListItem extends CampaignView {
  participants: number;
  completed: number;
}

export async function listCampaigns(q: Queryable, workspaceId: string, now = new Date()): Promise<CampaignListItem[]> {
  const r = await q.query<CampaignRow>(
    `SELECT ${CAMPAIGN_COLUMNS} FROM campaigns c WHERE c.workspace_id = $1 AND c.deleted_at IS NULL ORDER BY c.id DESC`,
    [workspaceId],
  );
  const ids = r.rows.map((c) => c.id);
  const tiers = await loadTierStock(q, ids);
  const counters = await readStatCounters(q, ids, ['participants', 'funnel:completed']);
  return r.rows.map((row) => {
    const c = counters.get(row.id);
    return { ...campaignView(row, tiers.get(row.id) ?? [], now), participants: c?.total('participants') ?? 0, completed: c?.total('funnel:completed') ?? 0 };
  });
}
