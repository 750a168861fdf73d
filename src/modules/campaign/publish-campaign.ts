// Publishing makes a draft scheduled (start ahead) or running. It needs an end still ahead, some
// stock, and settings that still fit the workspace (a staff member may have left since the draft
// was saved): each failure is a 409 naming the field. Run inside a transaction.
import type { Queryable } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { assertCanPublish } from '../../domain/task-fission/campaign-actions.ts';
import { loadCampaignView, type CampaignView } from './campaign-view.ts';
import { campaignWorkspaceErrors } from './workspace-facts.ts';

export async function publishCampaign(tx: Queryable, input: { workspaceId: string; campaignId: number }, now = new Date()): Promise<CampaignView> {
  const c = await loadCampaignView(tx, input.workspaceId, input.campaignId, now, { forUpdate: true });
  assertCanPublish(c.status, c.config, now);
  const errors = await campaignWorkspaceErrors(tx, input.workspaceId, c.id, c.config);
  if (errors.length) throw new AppError('conflict', `cannot publish: ${errors.map((f) => `${f.path}: ${f.message}`).join('; ')}`, { fields: errors });
  await tx.query(`UPDATE campaigns SET published_at = $2, updated_at = now() WHERE id = $1`, [c.id, now]);
  return loadCampaignView(tx, input.workspaceId, c.id, now);
}
