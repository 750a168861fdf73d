// Saves edited settings. Input errors (schema, workspace) answer 400 before anything is compared;
// then the lifecycle decides (domain campaign-actions.ts): after publishing, targets, tier count,
// reward types, channel and progress rule are frozen, and stock may not drop below what was
// reserved — each a 409 naming the field. A poster template left out keeps the stored one; a changed
// one gets a higher version (poster-version.ts). Run inside a transaction.
import type { Queryable } from '../../db/client.ts';
import { AppError, validationError } from '../../errors.ts';
import { parseCampaignConfig } from '../../domain/task-fission/campaign-config.ts';
import { assertCanEdit } from '../../domain/task-fission/campaign-actions.ts';
import { stockEditErrors } from '../../domain/task-fission/stock.ts';
import { saveTierStock } from '../reward/tier-stock.ts';
import { loadCampaignView, type CampaignView } from './campaign-view.ts';
import { campaignWorkspaceErrors } from './workspace-facts.ts';
import { nextPosterTemplate } from './poster-version.ts';

export async function updateCampaign(
  tx: Queryable,
  input: { workspaceId: string; campaignId: number; config: unknown; expectedVersion?: number | undefined },
  now = new Date(),
): Promise<CampaignView> {
  const sent = parseCampaignConfig(input.config);
  const errors = await campaignWorkspaceErrors(tx, input.workspaceId, input.campaignId, sent);
  if (errors.length) throw validationError(errors, 'invalid campaign');

  const before = await loadCampaignView(tx, input.workspaceId, input.campaignId, now, { forUpdate: true });
  if (input.expectedVersion !== undefined && input.expectedVersion !== before.configVersion) {
    throw new AppError('conflict', `the campaign was changed meanwhile (now version ${before.configVersion}, you edited version ${input.expectedVersion}); reload it`);
  }
  const poster = nextPosterTemplate(before.config.poster, sent.poster);
  const after = poster ? { ...sent, poster } : sent;
  assertCanEdit(before.status, before.config, after, now);
  const stockErrors = stockEditErrors(after.tiers, before.tiers.map((t) => t.stockReserved));
  if (stockErrors.length) throw new AppError('conflict', `stock below what was already awarded: ${stockErrors.map((f) => `${f.path} ${f.message}`).join('; ')}`, { fields: stockErrors });

  await tx.query(
    `UPDATE campaigns SET config = $3, config_version = config_version + 1, start_at = $4, end_at = $5, updated_at = now()
     WHERE workspace_id = $1 AND id = $2`,
    [input.workspaceId, input.campaignId, JSON.stringify(after), after.startAt, after.endAt],
  );
  await saveTierStock(tx, input.campaignId, after.tiers);
  return loadCampaignView(tx, input.workspaceId, input.campaignId, now);
}
