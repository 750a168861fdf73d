// Runs at a campaign's end time (enqueued at publish). An end moved later since then means waiting
// again until the new end; an ended (or deleted) campaign gets its clean-up.
import type { Queryable } from '../../db/client.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { CleanupContactWaysJob } from '../../jobs/fission/definitions.ts';
import { findFlowCampaign } from './flow-campaign.ts';
import { scheduleEndWatch } from './schedule-end-watch.ts';

export type EndWatchOutcome = 'cleanup_enqueued' | 'rescheduled';

export async function watchCampaignEnd(db: Queryable, jobs: JobQueue, p: { workspaceId: string; campaignId: number; endAt: string }, now = new Date()): Promise<EndWatchOutcome> {
  const c = await findFlowCampaign(db, p.workspaceId, p.campaignId, now);
  if (!c || c.status === 'ended') {
    await jobs.send(CleanupContactWaysJob, { workspaceId: p.workspaceId, campaignId: p.campaignId }, { tx: db, key: `campaign:${p.campaignId}` });
    return 'cleanup_enqueued';
  }
  // Woken a moment before the end by clock skew: fail, and the job's retry comes back later.
  if (Date.parse(c.config.endAt) === Date.parse(p.endAt)) throw new Error(`campaign ${p.campaignId} has not ended yet at ${now.toISOString()}`);
  await scheduleEndWatch(db, jobs, { workspaceId: p.workspaceId, campaignId: p.campaignId, endAt: c.config.endAt });
  return 'rescheduled';
}
