// What publishing a campaign sets in motion for the flows, in the publishing transaction: its own
// code (the activity code) is created at WeCom by a job, its end is watched so that its codes are
// deleted when it ends, and the workspace's daily contact-way reconciliation is planned.
import type { Queryable } from '../../db/client.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { EnsureContactWayJob } from '../../jobs/fission/definitions.ts';
import type { CampaignView } from '../campaign/campaign-view.ts';
import { afterCampaignChange } from './after-campaign-change.ts';
import { scheduleDailyReconcile } from './schedule-contact-way-reconcile.ts';

export async function onCampaignPublished(tx: Queryable, jobs: JobQueue, workspaceId: string, c: CampaignView): Promise<void> {
  await jobs.send(EnsureContactWayJob, { workspaceId, campaignId: c.id, participantId: null }, { tx, key: `campaign:${c.id}` });
  await afterCampaignChange(tx, jobs, workspaceId, c);
  await scheduleDailyReconcile(tx, jobs, workspaceId);
}
