import type { Queryable } from '../../db/client.ts';
import { loadCampaignView, type CampaignView } from './campaign-view.ts';

export async function getCampaign(q: Queryable, workspaceId: string, campaignId: number, now = new Date()): Promise<CampaignView> {
  return loadCampaignView(q, workspaceId, campaignId, now);
}
