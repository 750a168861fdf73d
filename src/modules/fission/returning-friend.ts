// A returning customer acting on the H5 page: the campaign, who they are at WeCom, and which pool
// staff member they are already a friend of. Someone who is not a friend of any pool staff member
// must scan the code instead: only an add through the code proves the friendship.
import { conflict, notFound } from '../../errors.ts';
import { staffPool } from '../../domain/task-fission/channel.ts';
import type { CampaignView } from '../campaign/campaign-view.ts';
import { getWorkspace } from '../workspace/workspace-row.ts';
import { lookUpCustomer } from '../customers/look-up-customer.ts';
import type { CustomerProfile } from './customer-profile.ts';
import { campaignWorkspaceId, findFlowCampaign } from './flow-campaign.ts';
import type { FlowDeps } from './record-contact-added.ts';
import { wecomContactClient } from './wecom-clients.ts';

export interface ReturningFriend {
  workspaceId: string;
  campaign: CampaignView;
  profile: CustomerProfile;
  staffUserId: string;
}

export async function loadReturningFriend(deps: FlowDeps, campaignId: number, externalUserId: string, now: Date): Promise<ReturningFriend> {
  const workspaceId = await campaignWorkspaceId(deps.db, campaignId);
  const campaign = workspaceId && (await findFlowCampaign(deps.db, workspaceId, campaignId, now));
  if (!workspaceId || !campaign) throw notFound(`campaign ${campaignId}`);
  const ws = await getWorkspace(deps.db, { id: workspaceId });
  const profile = await lookUpCustomer(deps.db, workspaceId, wecomContactClient(deps.db, deps.config, ws), externalUserId);
  const pool = staffPool(campaign.config.channel);
  const follow = profile.follows.find((f) => pool.includes(f.userId));
  if (!follow) throw conflict('you are not yet a friend of this campaign\'s staff: scan the activity code to add them');
  return { workspaceId, campaign, profile, staffUserId: follow.userId };
}
