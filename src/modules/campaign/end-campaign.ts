// The operator ends a scheduled or running campaign now. Run inside a transaction.
import type { Queryable } from '../../db/client.ts';
import { assertCanPerform } from '../../domain/task-fission/campaign-actions.ts';
import { loadCampaignView, type CampaignView } from './campaign-view.ts';

export async function endCampaign(tx: Queryable, input: { workspaceId: string; campaignId: number }, now = new Date()): Promise<CampaignView> {
  const c = await loadCampaignView(tx, input.workspaceId, input.campaignId, now, { forUpdate: true });
  assertCanPerform(c.status, 'end');
  await tx.query(`UPDATE campaigns SET ended_at = $2, end_reason = 'ended_early', updated_at = now() WHERE id = $1`, [c.id, now]);
  return loadCampaignView(tx, input.workspaceId, c.id, now);
}
