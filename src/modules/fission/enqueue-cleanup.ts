// An ended campaign's contact ways are deleted at WeCom (one clean-up per campaign, whoever notices
// the end first: the end-time watch, the sell-out, a late callback or page visit). Deleting a
// campaign starts one more: its prizes' service codes, kept for the claim window, go at once.
import type { Queryable } from '../../db/client.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { CleanupContactWaysJob } from '../../jobs/fission/definitions.ts';

export async function enqueueCleanupIfEnded(q: Queryable, jobs: JobQueue, workspaceId: string, campaign: { id: number; status: string }): Promise<void> {
  if (campaign.status !== 'ended') return;
  await jobs.send(CleanupContactWaysJob, { workspaceId, campaignId: campaign.id }, { tx: q, key: `campaign:${campaign.id}` });
}

export async function enqueueCleanupOfDeleted(q: Queryable, jobs: JobQueue, workspaceId: string, campaignId: number): Promise<void> {
  await jobs.send(CleanupContactWaysJob, { workspaceId, campaignId }, { tx: q, key: `campaign:${campaignId}:deleted` });
}
