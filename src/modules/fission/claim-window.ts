// Winners claim prizes after a campaign ends, for as long as their personal link lasts (links.ts:
// 90 days after the end time), so a prize's customer-service code lives until then too: deleted at
// WeCom by cleanup-contact-ways.ts when this window closes, not when the campaign ends.
import type { Queryable } from '../../db/client.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { CleanupContactWaysJob } from '../../jobs/fission/definitions.ts';
import { linkExpiry } from './links.ts';

export function claimDeadline(c: { config: { endAt: string } }): Date {
  return new Date(linkExpiry(c.config.endAt) * 1000);
}

/** The clean-up of the campaign's service codes when its claim window closes (one job per deadline). */
export async function scheduleClaimEndCleanup(q: Queryable, jobs: JobQueue, p: { workspaceId: string; campaignId: number; deadline: Date }): Promise<void> {
  await jobs.send(CleanupContactWaysJob, { workspaceId: p.workspaceId, campaignId: p.campaignId }, {
    tx: q, key: `campaign:${p.campaignId}:claim-end:${p.deadline.toISOString()}`, startAfter: p.deadline,
  });
}
