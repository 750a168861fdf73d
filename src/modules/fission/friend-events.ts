// WeChat's add/delete callbacks may arrive late, twice or out of order. Each is recorded with its
// CreateTime (Unix seconds), and each is judged against the others of the same customer and staff
// member:
//   an add is stale when the latest recorded event at or after its time is a delete: the
//   friendship it started is already over (a re-add after that delete makes it current again);
//   a delete is stale when an add after its time is recorded: it ended an earlier friendship.
// An add and a delete in the same second cannot be ordered by time; WeCom's current view of the
// friendship (externalcontact/get follow_user) decides: a friend now means the add came last.
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

/** The other events at or after `createTime`: the latest delete and the latest add. */
async function later(q: Queryable, k: FriendEventKey, createTime: number): Promise<{ del: number | null; add: number | null }> {
  const r = await q.query<{ del: number | null; add: number | null }>(
    `SELECT max(create_time) FILTER (WHERE change = 'del') AS del, max(create_time) FILTER (WHERE change = 'add') AS add
     FROM friend_events WHERE workspace_id = $1 AND external_userid = $2 AND staff_userid = $3 AND create_time >= $4`,
    [k.workspaceId, k.externalUserId, k.staffUserId, createTime],
  );
  return r.rows[0] ?? { del: null, add: null };
}

/** Is the friendship begun by the add at `createTime` already over? `friendNow`: WeCom lists them as friends now. */
export async function addIsStale(q: Queryable, k: FriendEventKey, createTime: number, friendNow: boolean): Promise<boolean> {
  const { del, add } = await later(q, k, createTime);
  if (del === null) return false;
  if (add !== null && add > del) return false;
  if (add !== null && add === del && add > createTime) return !friendNow;
  return del > createTime ? true : !friendNow;
}

/** Did a later add supersede the delete at `createTime`? For a same-second add, `friendNow` decides. */
export async function deleteIsStale(q: Queryable, k: FriendEventKey, createTime: number, friendNow: boolean): Promise<boolean> {
  const { add } = await later(q, k, createTime);
  if (add === null) return false;
  return add > createTime ? true : friendNow;
}

/** Whether an add in the same second is recorded (then WeCom must be asked who came last). */
export async function addInSameSecond(q: Queryable, k: FriendEventKey, createTime: number): Promise<boolean> {
  const r = await q.query(
    `SELECT 1 FROM friend_events WHERE workspace_id = $1 AND external_userid = $2 AND staff_userid = $3 AND change = 'add' AND create_time = $4`,
    [k.workspaceId, k.externalUserId, k.staffUserId, createTime],
  );
  return r.rows.length > 0;
}
