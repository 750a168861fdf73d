// The end-time watch of a campaign (watch-campaign-end.ts), one per (campaign, end time): moving
// the end schedules another, and the old one, when it runs, finds the campaign still going and
// re-schedules harmlessly (same key).
import type { Queryable } from '../../db/client.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { CampaignEndWatchJob } from '../../jobs/fission/definitions.ts';

export async function scheduleEndWatch(q: Queryable, jobs: JobQueue, p: { workspaceId: string; campaignId: number; endAt: string }): Promise<void> {
  await jobs.send(CampaignEndWatchJob, { workspaceId: p.workspaceId, campaignId: p.campaignId, endAt: p.endAt }, { tx: q, key: `end:${p.campaignId}:${p.endAt}`, startAfter: new Date(p.endAt) });
}
