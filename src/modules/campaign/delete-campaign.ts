// Drafts and ended campaigns may be deleted (seed 000 §三(二)3). Deleting hides the campaign but
// keeps its rows: its codes may still be scanned and must be recognised, and removing a million
// participants is not a thing to do inside one request. Run inside a transaction.
import type { Queryable } from '../../db/client.ts';
import { assertCanPerform } from '../../domain/task-fission/campaign-actions.ts';
import { loadCampaignView } from './campaign-view.ts';

export async function deleteCampaign(tx: Queryable, input: { workspaceId: string; campaignId: number }, now = new Date()): Promise<void> {
  const c = await loadCampaignView(tx, input.workspaceId, input.campaignId, now, { forUpdate: true });
  assertCanPerform(c.status, 'delete');
  await tx.query(`UPDATE campaigns SET deleted_at = $2, updated_at = now() WHERE id = $1`, [c.id, now]);
}
