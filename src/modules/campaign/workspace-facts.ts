// What the domain's workspace checks need to know about a workspace (domain workspace-checks.ts).
import type { Queryable } from '../../db/client.ts';
import type { FieldError } from '../../errors.ts';
import type { CampaignConfig } from '../../domain/task-fission/campaign-config.ts';
import { workspaceErrors, type WorkspaceFacts } from '../../domain/task-fission/workspace-checks.ts';
import { listStaff } from '../staff/list-staff.ts';
import { listCorpTags } from '../staff/list-corp-tags.ts';
import { codesAvailableByPool } from '../reward/code-pool.ts';
import { posterTemplateErrors } from './poster-template-errors.ts';

/** `campaignId`: the campaign being edited, whose own assigned codes still count for it. */
export async function loadWorkspaceFacts(q: Queryable, workspaceId: string, campaignId: number | null): Promise<WorkspaceFacts> {
  const [staff, tags, pools] = [
    await listStaff(q, workspaceId, { activeOnly: true }),
    await listCorpTags(q, workspaceId, { activeOnly: true }),
    await codesAvailableByPool(q, workspaceId, campaignId),
  ];
  return { staffUserIds: staff.map((s) => s.userid), corpTagIds: tags.map((t) => t.tagId), codesAvailableByPool: pools };
}

export async function campaignWorkspaceErrors(q: Queryable, workspaceId: string, campaignId: number | null, config: CampaignConfig): Promise<FieldError[]> {
  return [...workspaceErrors(config, await loadWorkspaceFacts(q, workspaceId, campaignId)), ...(await posterTemplateErrors(q, workspaceId, config))];
}
