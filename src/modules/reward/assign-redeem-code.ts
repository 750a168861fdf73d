// Gives a redeem_code reward the next free code of its pool. FOR UPDATE SKIP LOCKED lets concurrent
// winners take different codes without waiting on each other; reward_id being unique means a code
// can never go to two rewards. Idempotent: a reward that already has a code keeps it.
import type { Queryable } from '../../db/client.ts';
import { conflict, notFound } from '../../errors.ts';
import type { Reward } from '../../domain/task-fission/reward.ts';

/** The reward's code, or null when the pool has no free code left (nothing is changed then). */
export async function assignRedeemCode(tx: Queryable, rewardId: number): Promise<string | null> {
  const r = await tx.query<{ workspaceId: string; reward: Reward; redeemCode: string | null }>(
    `SELECT workspace_id AS "workspaceId", reward, redeem_code AS "redeemCode" FROM rewards WHERE id = $1 FOR UPDATE`,
    [rewardId],
  );
  const row = r.rows[0];
  if (!row) throw notFound(`reward ${rewardId}`);
  if (row.redeemCode !== null) return row.redeemCode;
  if (row.reward.type !== 'redeem_code') throw conflict(`reward ${rewardId} is a ${row.reward.type} reward, not a redeem code`);

  const taken = await tx.query<{ code: string }>(
    `WITH next AS (
       SELECT id FROM redeem_codes WHERE pool_id = $2 AND workspace_id = $3 AND reward_id IS NULL
       ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
     UPDATE redeem_codes c SET reward_id = $1, assigned_at = now() FROM next
     WHERE c.id = next.id AND c.reward_id IS NULL RETURNING c.code`,
    [rewardId, row.reward.codePoolId, row.workspaceId],
  );
  const code = taken.rows[0]?.code;
  if (code === undefined) return null;
  // A code shown to the winner is delivered: nothing is left for an operator to do.
  await tx.query(
    `UPDATE rewards SET redeem_code = $2, status = 'issued', issued_at = now(), updated_at = now() WHERE id = $1`,
    [rewardId, code],
  );
  return code;
}
