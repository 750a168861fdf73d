// What the admin API shows of a campaign: its settings plus the derived status, why and when it
// ended, what may be done next, and the stock of each tier.
import type { Queryable } from '../../db/client.ts';
import { campaignStatus, endReason, type CampaignStatus, type EndReason } from '../../domain/task-fission/campaign-status.ts';
import { allowedActions, type CampaignAction } from '../../domain/task-fission/campaign-actions.ts';
import type { CampaignConfig } from '../../domain/task-fission/campaign-config.ts';
import { totalStockLeft } from '../../domain/task-fission/stock.ts';
import { loadTierStock, type TierStock } from '../reward/tier-stock.ts';
import { loadCampaign, timelineOf, type CampaignRow } from './campaign-row.ts';

export interface CampaignView {
  id: number;
  name: string;
  status: CampaignStatus;
  endReason: EndReason | null;
  endedAt: Date | null;
  allowedActions: CampaignAction[];
  config: CampaignConfig;
  configVersion: number;
  publishedAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  tiers: TierStock[];
  stockLeft: number;
}

export function campaignView(row: CampaignRow, tiers: TierStock[], now: Date): CampaignView {
  const timeline = timelineOf(row, tiers.map((t) => t.stockLeft));
  const status = campaignStatus(timeline, now);
  // A recorded end (early, sold out) happened first; otherwise the end time passed.
  const reason = status === 'ended' ? (row.endReason ?? endReason(timeline, now)) : null;
  return {
    id: row.id,
    name: row.config.name,
    status,
    endReason: reason,
    endedAt: reason === null ? null : (row.endedAt ?? timeline.endAt),
    allowedActions: [...allowedActions(status)],
    config: row.config,
    configVersion: row.configVersion,
    publishedAt: row.publishedAt,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    tiers,
    stockLeft: totalStockLeft(tiers.map((t) => t.stockLeft)),
  };
}

export async function loadCampaignView(q: Queryable, workspaceId: string, campaignId: number, now: Date, opts: { forUpdate?: boolean } = {}): Promise<CampaignView> {
  const row = await loadCampaign(q, workspaceId, campaignId, opts);
  const tiers = (await loadTierStock(q, [row.id])).get(row.id) ?? [];
  return campaignView(row, tiers, now);
}
