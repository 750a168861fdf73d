// A new draft campaign: the settings are validated by the domain schema, then against the workspace
// (staff, corp tags, code pools). Run inside a transaction.
import type { Queryable } from '../../db/client.ts';
import { validationError } from '../../errors.ts';
import { parseCampaignConfig, type CampaignConfig } from '../../domain/task-fission/campaign-config.ts';
import { saveTierStock } from '../reward/tier-stock.ts';
import { loadCampaignView, type CampaignView } from './campaign-view.ts';
import { campaignWorkspaceErrors } from './workspace-facts.ts';

export async function createCampaign(
  tx: Queryable,
  input: { workspaceId: string; createdBy: string | null; config: unknown },
  now = new Date(),
): Promise<CampaignView> {
  const config = parseCampaignConfig(input.config);
  const errors = await campaignWorkspaceErrors(tx, input.workspaceId, null, config);
  if (errors.length) throw validationError(errors, 'invalid campaign');
  const id = await insertDraft(tx, input.workspaceId, input.createdBy, config);
  return loadCampaignView(tx, input.workspaceId, id, now);
}

/** Stores a draft and its tier stock; returns its id. */
export async function insertDraft(tx: Queryable, workspaceId: string, createdBy: string | null, config: CampaignConfig): Promise<number> {
  const r = await tx.query<{ id: number }>(
    `INSERT INTO campaigns (workspace_id, config, start_at, end_at, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [workspaceId, JSON.stringify(config), config.startAt, config.endAt, createdBy],
  );
  const id = r.rows[0]!.id;
  await saveTierStock(tx, id, config.tiers);
  return id;
}
