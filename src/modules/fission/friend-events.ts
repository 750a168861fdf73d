// WeChat's add/delete callbacks may arrive late, twice or out of order. Each is recorded with its
// CreateTime, and a late one is judged against the others of the same customer and staff member:
//   an add is stale when a delete at or after its time is known (the friendship already ended);
//   a delete is stale when an add after its time is known (it ended an earlier friendship).
// Same-second add and delete are read as add-then-delete, the only order one friendship allows.
import type { Queryable } from '../../db/client.ts';

export interface FriendEventKey {
  workspaceId: string;
  externalUserId: string;
  staffUserId: string;
}

/** False when this exact event was recorded before (a replay). */
export async function recordFriendEvent(q: Queryable, k: FriendEventKey, change: 'add' | 'del', createTime: number): Promise<boolean> {
  const r = await q.query(
    `INSERT INTO friend_events (workspace_id, external_userid, staff_userid, change, create_time) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
    [k.workspaceId, k.externalUserId, k.staffUserId, change, createTime],
  );
  return r.rowCount === 1;
}

export async function deletedAtOrAfter(q: Queryable, k: FriendEventKey, createTime: number): Promise<boolean> {
  return exists(q, k, `change = 'del' AND create_time >= $4`, createTime);
}

export async function addedAfter(q: Queryable, k: FriendEventKey, createTime: number): Promise<boolean> {
  return exists(q, k, `change = 'add' AND create_time > $4`, createTime);
}

async function exists(q: Queryable, k: FriendEventKey, cond: string, createTime: number): Promise<boolean> {
  const r = await q.query(
    `SELECT 1 FROM friend_events WHERE workspace_id = $1 AND external_userid = $2 AND staff_userid = $3 AND ${cond} LIMIT 1`,
    [k.workspaceId, k.externalUserId, k.staffUserId, createTime],
  );
  return r.rows.length > 0;
}
