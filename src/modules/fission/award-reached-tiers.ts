// After a participant's count went up: every tier it newly reaches is reserved from stock (one
// atomic UPDATE in reserveReward: never oversold) and their staff member is told. A tier whose stock
// ran out is not won and stays on offer (domain progress.ts). When the last unit went, the campaign
// has ended: its contact ways are deleted by the clean-up job.
import type { Queryable } from '../../db/client.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { NotifyTierReachedJob } from '../../jobs/fission/definitions.ts';
import { enqueueCleanupIfEnded } from './enqueue-cleanup.ts';
import { newlyReachedTiers } from '../../domain/task-fission/progress.ts';
import { reserveReward } from '../reward/reserve-reward.ts';
import type { RewardRow } from '../reward/reward-row.ts';

export async function awardReachedTiers(
  tx: Queryable,
  jobs: JobQueue,
  p: { workspaceId: string; campaignId: number; participantId: number; count: number; tiers: readonly { target: number }[] },
): Promise<RewardRow[]> {
  const won = await tx.query<{ tierNo: number }>(`SELECT tier_no AS "tierNo" FROM rewards WHERE participant_id = $1`, [p.participantId]);
  const reached = newlyReachedTiers(p.tiers, p.count, won.rows.map((r) => r.tierNo));
  const awarded: RewardRow[] = [];
  for (const tierNo of reached) {
    const reward = await reserveReward(tx, p.participantId, tierNo);
    if (!reward) continue;
    awarded.push(reward);
    await jobs.send(NotifyTierReachedJob, { workspaceId: p.workspaceId, rewardId: reward.id }, { tx, key: `reward:${reward.id}` });
  }
  if (reached.length) await cleanUpIfSoldOut(tx, jobs, p.workspaceId, p.campaignId);
  return awarded;
}

async function cleanUpIfSoldOut(tx: Queryable, jobs: JobQueue, workspaceId: string, campaignId: number): Promise<void> {
  const r = await tx.query(`SELECT 1 FROM campaigns WHERE id = $1 AND end_reason = 'sold_out'`, [campaignId]);
  if (r.rows.length) await enqueueCleanupIfEnded(tx, jobs, workspaceId, { id: campaignId, status: 'ended' });
}
