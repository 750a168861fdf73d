// A customer deleted or blocked a staff member, or the staff member deleted them (seed 000 §3.2,
// §3.4): in one campaign, the friendship is lost (流失好友 counts it for new customers), their
// participant row shows it, and under the `deduct` policy each valid help they gave through that
// staff member is revoked and taken off its inviter's count — exactly one per help, prizes kept.
// Under `ignore` the helps and counts stay as they are. The campaign's tags come off (a job).
import type { Queryable } from '../../db/client.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { MarkTagsJob } from '../../jobs/fission/definitions.ts';
import type { CampaignConfig } from '../../domain/task-fission/campaign-config.ts';
import { countAfterRevocation } from '../../domain/task-fission/churn.ts';
import { lockParticipants } from '../participant/lock-participants.ts';
import { saveParticipantProgress } from '../participant/save-participant-progress.ts';

export interface ChurnInput {
  workspaceId: string;
  campaignId: number;
  externalUserId: string;
  staffUserId: string;
  at: Date;
  /** Names the deletion event, for the tag job's idempotency key. */
  eventKey: string;
}

export interface ChurnResult {
  lostFriend: boolean;
  revokedHelps: number;
}

/** Run inside a transaction holding lockCustomer for the person. */
export async function applyChurn(tx: Queryable, jobs: JobQueue, c: ChurnInput): Promise<ChurnResult> {
  const cfg = await tx.query<{ config: CampaignConfig }>(`SELECT config FROM campaigns WHERE id = $1`, [c.campaignId]);
  const config = cfg.rows[0]?.config;
  if (!config) return { lostFriend: false, revokedHelps: 0 };
  const key = [c.campaignId, c.externalUserId, c.staffUserId] as const;
  // Every participant row this changes — the person's own and, under `deduct`, the inviters of the
  // helps to revoke — locked at once in id order (lock-participants.ts). The customer lock keeps
  // this person's rows and helps still meanwhile.
  const rows = await tx.query<{ id: number }>(
    `SELECT id FROM participants WHERE campaign_id = $1 AND external_userid = $2 AND staff_userid = $3 AND friend_status = 'friend'
     UNION SELECT inviter_id FROM helps WHERE campaign_id = $1 AND helper_external_userid = $2 AND staff_userid = $3 AND status = 'valid' AND $4`,
    [...key, config.rules.churnPolicy === 'deduct'],
  );
  await lockParticipants(tx, c.campaignId, rows.rows.map((r) => r.id));

  const lost = await tx.query(
    `UPDATE campaign_friends SET lost_at = $4 WHERE campaign_id = $1 AND external_userid = $2 AND staff_userid = $3 AND lost_at IS NULL`,
    [...key, c.at],
  );
  await tx.query(
    `UPDATE participants SET friend_status = 'lost', updated_at = now() WHERE campaign_id = $1 AND external_userid = $2 AND staff_userid = $3 AND friend_status = 'friend'`,
    [...key],
  );
  let revokedHelps = 0;
  if (config.rules.churnPolicy === 'deduct') {
    const revoked = await tx.query<{ inviterId: number }>(
      `UPDATE helps SET status = 'revoked', revoked_at = $4 WHERE campaign_id = $1 AND helper_external_userid = $2 AND staff_userid = $3 AND status = 'valid'
       RETURNING inviter_id AS "inviterId"`,
      [...key, c.at],
    );
    for (const inviterId of revoked.rows.map((r) => r.inviterId).sort((a, b) => a - b)) await deductOne(tx, c.campaignId, inviterId, c.at);
    revokedHelps = revoked.rows.length;
  }
  const tags = config.rules.joinTagIds;
  if (tags.length) {
    await jobs.send(MarkTagsJob, { workspaceId: c.workspaceId, staffUserId: c.staffUserId, externalUserId: c.externalUserId, addTagIds: [], removeTagIds: tags }, { tx, key: `untag:${c.campaignId}:${c.eventKey}` });
  }
  return { lostFriend: lost.rowCount > 0, revokedHelps };
}

async function deductOne(tx: Queryable, campaignId: number, inviterId: number, at: Date): Promise<void> {
  // Locked already (above); saveParticipantProgress locks again, as every writer of the count must.
  const r = await tx.query<{ validHelps: number }>(`SELECT valid_helps AS "validHelps" FROM participants WHERE campaign_id = $1 AND id = $2`, [campaignId, inviterId]);
  const count = r.rows[0]?.validHelps;
  if (count === undefined) return;
  await saveParticipantProgress(tx, inviterId, countAfterRevocation('deduct', count), at);
}
