// A copy is a new draft with the same settings and a name marked as a copy. It is not checked
// against the workspace: a draft is a starting point, and publishing checks it again.
import type { Queryable } from '../../db/client.ts';
import { charCount } from '../../domain/shared/text-limits.ts';
import { loadCampaign } from './campaign-row.ts';
import { loadCampaignView, type CampaignView } from './campaign-view.ts';
import { insertDraft } from './create-campaign.ts';

const NAME_MAX = 50;
const COPY_SUFFIX = ' 副本';

export async function copyCampaign(
  tx: Queryable,
  input: { workspaceId: string; campaignId: number; createdBy: string | null },
  now = new Date(),
): Promise<CampaignView> {
  const source = await loadCampaign(tx, input.workspaceId, input.campaignId);
  const name = [...source.config.name].slice(0, NAME_MAX - charCount(COPY_SUFFIX)).join('') + COPY_SUFFIX;
  const id = await insertDraft(tx, input.workspaceId, input.createdBy, { ...source.config, name });
  return loadCampaignView(tx, input.workspaceId, id, now);
}
