// What publishing a campaign sets in motion for the flows, in the publishing transaction: its own
// code (the activity code) is created at WeCom by a job, its end is watched so that its codes are
// deleted when it ends, and the workspace's daily contact-way reconciliation is planned. Where the
// workspace has an Official Account, the staff pool's customers are pulled into the customer
// directory, so that returning customers signing in through the OA are recognised (reference §3.3:
// WeCom has no unionid → external_userid lookup).
import type { Queryable } from '../../db/client.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { EnsureContactWayJob } from '../../jobs/fission/definitions.ts';
import { staffPool } from '../../domain/task-fission/channel.ts';
import type { CampaignView } from '../campaign/campaign-view.ts';
import { requestCustomerPull } from '../customers/request-customer-pull.ts';
import { hasOfficialAccount } from '../oa-users/oa-client.ts';
import { getWorkspace } from '../workspace/workspace-row.ts';
import { afterCampaignChange } from './after-campaign-change.ts';
import { scheduleDailyReconcile } from './schedule-contact-way-reconcile.ts';

export async function onCampaignPublished(tx: Queryable, jobs: JobQueue, workspaceId: string, c: CampaignView): Promise<void> {
  await jobs.send(EnsureContactWayJob, { workspaceId, campaignId: c.id, participantId: null }, { tx, key: `campaign:${c.id}` });
  await afterCampaignChange(tx, jobs, workspaceId, c);
  await scheduleDailyReconcile(tx, jobs, workspaceId);
  const ws = await getWorkspace(tx, { id: workspaceId });
  const pool = staffPool(c.config.channel);
  if (hasOfficialAccount(ws) && pool.length) await requestCustomerPull(tx, jobs, { workspaceId, staffUserIds: pool, reason: `campaign:${c.id}` });
}
