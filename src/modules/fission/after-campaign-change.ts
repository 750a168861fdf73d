// What the flows do after an operator changed a campaign's lifecycle (saved, ended early), in the
// same transaction: a live campaign's end is watched at its (possibly moved) end time; an ended
// one gets its contact ways deleted.
import type { Queryable } from '../../db/client.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import type { CampaignView } from '../campaign/campaign-view.ts';
import { enqueueCleanupIfEnded } from './enqueue-cleanup.ts';
import { scheduleEndWatch } from './schedule-end-watch.ts';

export async function afterCampaignChange(tx: Queryable, jobs: JobQueue, workspaceId: string, c: CampaignView): Promise<void> {
  if (c.status === 'ended') await enqueueCleanupIfEnded(tx, jobs, workspaceId, c);
  else if (c.status === 'scheduled' || c.status === 'running') await scheduleEndWatch(tx, jobs, { workspaceId, campaignId: c.id, endAt: c.config.endAt });
}
