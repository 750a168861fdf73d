// del_follow_user (the customer deleted/blocked the staff member) and del_external_contact (the
// staff member deleted the customer), reference §3.2: the churn rules apply in every campaign where
// that friendship mattered (apply-churn.ts), and the customer directory forgets it. The delete is recorded first, so that an add arriving
// after it (out of order) is recognised as already over; a delete older than a known add belongs
// to an earlier friendship and changes nothing.
import type { Queryable } from '../../db/client.ts';
import type { ExternalContactEvent } from '../../wechat/protocol/index.ts';
import { forgetFriendship } from '../customers/customer-directory.ts';
import { applyChurn } from './apply-churn.ts';
import { lockCustomer } from './customer-lock.ts';
import { transactionWithRetry } from './transaction-with-retry.ts';
import type { FlowOutcome } from './flow-outcome.ts';
import { addInSameSecond, deleteIsStale, recordFriendEvent } from './friend-events.ts';
import { isFriendNow } from './is-friend-now.ts';
import type { FlowDeps } from './record-contact-added.ts';

export interface ContactDeleted {
  workspaceId: string;
  inboxId: string;
  event: ExternalContactEvent;
}

export async function recordContactDeleted(deps: FlowDeps, del: ContactDeleted, now = new Date()): Promise<FlowOutcome> {
  const e = del.event;
  if (e.changeType === 'del_external_contact' && e.source === 'DELETE_BY_TRANSFER') {
    return { status: 'ignored', reason: 'removed by an in-service transfer to another staff member, not lost' };
  }
  const friend = { workspaceId: del.workspaceId, externalUserId: e.externalUserId, staffUserId: e.userId };
  // Asked outside the transaction: the WeCom client reads its token through the database.
  const friendNow = (await addInSameSecond(deps.db, friend, e.createTime)) && (await isFriendNow(deps, friend));
  return transactionWithRetry(deps.db, async (tx) => {
    await lockCustomer(tx, del.workspaceId, e.externalUserId);
    if (!(await recordFriendEvent(tx, friend, 'del', e.createTime))) return { status: 'processed', reason: 'this delete was already applied' };
    if (await deleteIsStale(tx, friend, e.createTime, friendNow)) return { status: 'ignored', reason: 'the customer added this staff member again after this delete' };
    await forgetFriendship(tx, friend);

    const campaigns = await campaignsOfFriendship(tx, friend.workspaceId, friend.externalUserId, friend.staffUserId);
    if (!campaigns.length) return { status: 'ignored', reason: 'no campaign knows this friendship (recorded, in case its add arrives later)' };
    const done: string[] = [];
    for (const campaignId of campaigns) {
      const r = await applyChurn(tx, deps.jobs, { ...friend, campaignId, at: now, eventKey: `${e.userId}:${e.externalUserId}:${e.createTime}` });
      done.push(`campaign ${campaignId}: ${r.lostFriend ? 'friend lost' : 'not a campaign friend'}, ${r.revokedHelps} help(s) revoked`);
    }
    return { status: 'processed', reason: done.join('; ') };
  });
}

/** Campaigns where the customer is a friend, participant or helper through this staff member. */
async function campaignsOfFriendship(q: Queryable, workspaceId: string, ext: string, staff: string): Promise<number[]> {
  const r = await q.query<{ campaignId: number }>(
    `SELECT campaign_id AS "campaignId" FROM campaign_friends WHERE workspace_id = $1 AND external_userid = $2 AND staff_userid = $3 AND lost_at IS NULL
     UNION SELECT campaign_id FROM participants WHERE workspace_id = $1 AND external_userid = $2 AND staff_userid = $3 AND friend_status = 'friend'
     UNION SELECT campaign_id FROM helps WHERE workspace_id = $1 AND helper_external_userid = $2 AND staff_userid = $3 AND status = 'valid'
     ORDER BY 1`,
    [workspaceId, ext, staff],
  );
  return r.rows.map((row) => row.campaignId);
}
