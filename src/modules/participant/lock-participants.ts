// Locks the participant rows a transaction is about to change, all at once and in id order, so two
// flows touching the same rows queue instead of deadlocking (a churn taking A's and B's counts
// while A helps B locked A then B against B then A). FOR NO KEY UPDATE, the lock an UPDATE of
// non-key columns takes anyway: it still queues writers of the same row, but does not wait for (or
// block) the key-share lock a new invitee's, help's or reward's foreign key takes on the row.
import type { Queryable } from '../../db/client.ts';

export async function lockParticipants(tx: Queryable, campaignId: number, ids: ReadonlyArray<number | null | undefined>): Promise<void> {
  const wanted = [...new Set(ids.filter((id): id is number => typeof id === 'number'))];
  if (!wanted.length) return;
  // ORDER BY puts the row locking above the sort: rows are locked in id order.
  await tx.query(`SELECT id FROM participants WHERE campaign_id = $1 AND id = ANY($2::bigint[]) ORDER BY id FOR NO KEY UPDATE`, [campaignId, wanted]);
}
