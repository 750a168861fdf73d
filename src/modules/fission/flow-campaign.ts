// The campaign as the flows see it: the admin view (derived status, stock per tier, settings), or
// null when the id names no live campaign of the workspace (unknown, deleted, another workspace's).
import type { Queryable } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { loadCampaignView, type CampaignView } from '../campaign/campaign-view.ts';

export async function findFlowCampaign(q: Queryable, workspaceId: string, campaignId: number, now: Date, opts: { forUpdate?: boolean } = {}): Promise<CampaignView | null> {
  try {
    return await loadCampaignView(q, workspaceId, campaignId, now, opts);
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') return null;
    throw err;
  }
}

/** The workspace a campaign belongs to (for links that name only the campaign). */
export async function campaignWorkspaceId(q: Queryable, campaignId: number): Promise<string | null> {
  const r = await q.query<{ workspaceId: string }>(`SELECT workspace_id AS "workspaceId" FROM campaigns WHERE id = $1 AND deleted_at IS NULL`, [campaignId]);
  return r.rows[0]?.workspaceId ?? null;
}
