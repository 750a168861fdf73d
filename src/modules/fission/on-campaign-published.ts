// What publishing a campaign sets in motion for the flows, in the publishing transaction: its own
// code (the activity code) is created at WeCom, and its end is watched so its codes are deleted.
import type { Queryable } from '../../db/client.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { EnsureContactWayJob } from '../../jobs/fission/definitions.ts';
import { scheduleEndWatch } from './schedule-end-watch.ts';

export async function onCampaignPublished(tx: Queryable, jobs: JobQueue, c: { workspaceId: string; campaignId: number; endAt: string }): Promise<void> {
  await jobs.send(EnsureContactWayJob, { workspaceId: c.workspaceId, campaignId: c.campaignId, participantId: null }, { tx, key: `campaign:${c.campaignId}` });
  await scheduleEndWatch(tx, jobs, c);
}
