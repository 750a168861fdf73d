// A campaign as stored, and the domain timeline its status is derived from.
import type { Queryable } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import type { CampaignConfig } from '../../domain/task-fission/campaign-config.ts';
import type { CampaignTimeline } from '../../domain/task-fission/campaign-status.ts';

export interface CampaignRow {
  id: number;
  workspaceId: string;
  config: CampaignConfig;
  configVersion: number;
  publishedAt: Date | null;
  endedAt: Date | null;
  /** Recorded when it happened: the operator ended it early, or the last unit was reserved. */
  endReason: 'ended_early' | 'sold_out' | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const CAMPAIGN_COLUMNS = `c.id, c.workspace_id AS "workspaceId", c.config, c.config_version AS "configVersion",
  c.published_at AS "publishedAt", c.ended_at AS "endedAt", c.end_reason AS "endReason", c.created_by AS "createdBy",
  c.created_at AS "createdAt", c.updated_at AS "updatedAt"`;

/** The campaign, unless it does not exist, is deleted or belongs to another workspace. */
export async function loadCampaign(q: Queryable, workspaceId: string, campaignId: number, opts: { forUpdate?: boolean } = {}): Promise<CampaignRow> {
  const r = await q.query<CampaignRow>(
    `SELECT ${CAMPAIGN_COLUMNS} FROM campaigns c WHERE c.workspace_id = $1 AND c.id = $2 AND c.deleted_at IS NULL ${opts.forUpdate ? 'FOR UPDATE' : ''}`,
    [workspaceId, campaignId],
  );
  const row = r.rows[0];
  if (!row) throw notFound(`campaign ${campaignId}`);
  return row;
}

export function timelineOf(row: CampaignRow, stockLeftByTier: readonly number[]): CampaignTimeline {
  return {
    publishedAt: row.publishedAt,
    startAt: new Date(row.config.startAt),
    endAt: new Date(row.config.endAt),
    // The domain reads any endedAt as "ended early"; a recorded sell-out is derived from stock instead.
    endedAt: row.endReason === 'ended_early' ? row.endedAt : null,
    stockLeftByTier,
  };
}
