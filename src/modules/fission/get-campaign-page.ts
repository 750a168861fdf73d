// The public activity page (seed 000 活动页面): the campaign, the rules participants should know
// (shown as text on the page), and the activity code to scan — made at WeCom on first need if the
// publish job has not yet, and only while the campaign runs (a scan could not count otherwise).
import { notFound } from '../../errors.ts';
import type { AdvancedRules } from '../../domain/task-fission/advanced-rules.ts';
import { enqueueCleanupIfEnded } from './enqueue-cleanup.ts';
import { ensureContactWay } from './ensure-contact-way.ts';
import { campaignWorkspaceId, findFlowCampaign } from './flow-campaign.ts';
import { publicCampaign, type PublicCampaign } from './public-campaign.ts';
import type { FlowDeps } from './record-contact-added.ts';

export interface CampaignPage {
  campaign: PublicCampaign;
  rules: Omit<AdvancedRules, 'joinTagIds'>;
  activityQr: { url: string } | null;
}

export async function getCampaignPage(deps: FlowDeps, campaignId: number, now = new Date()): Promise<CampaignPage> {
  const workspaceId = await campaignWorkspaceId(deps.db, campaignId);
  const c = workspaceId && (await findFlowCampaign(deps.db, workspaceId, campaignId, now));
  if (!workspaceId || !c || c.status === 'draft') throw notFound(`campaign ${campaignId}`);
  await enqueueCleanupIfEnded(deps.db, deps.jobs, workspaceId, c);
  const { joinTagIds: _tags, ...rules } = c.config.rules;
  const qr = c.status === 'running' ? await ensureContactWay(deps, { workspaceId, campaignId, participantId: null }) : null;
  return { campaign: publicCampaign(c), rules, activityQr: qr && { url: qr.qrUrl } };
}
