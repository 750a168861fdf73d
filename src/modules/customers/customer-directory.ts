// Rows of the customer directory (customer_directory, customer_follows): who a WeCom customer is
// and which staff members they are a friend of. WeCom gives self-built apps no way from a unionid
// to an external_userid, so this is how a visitor signed in through the OA is found at WeCom.
import type { Db, Queryable } from '../../db/client.ts';

export interface DirectoryCustomer {
  externalUserId: string;
  unionid: string | null;
  nickname: string;
  avatar: string | null;
}

export interface DirectoryFollow {
  userId: string;
  /** WeCom's createtime, Unix seconds. */
  createTime: number;
}

async function upsertCustomer(q: Queryable, workspaceId: string, c: DirectoryCustomer): Promise<void> {
  await q.query(
    `INSERT INTO customer_directory (workspace_id, external_userid, unionid, nickname, avatar, seen_at) VALUES ($1, $2, $3, $4, $5, now())
     ON CONFLICT (workspace_id, external_userid) DO UPDATE SET unionid = coalesce(EXCLUDED.unionid, customer_directory.unionid),
       nickname = coalesce(nullif(EXCLUDED.nickname, ''), customer_directory.nickname), avatar = coalesce(EXCLUDED.avatar, customer_directory.avatar), seen_at = now()`,
    [workspaceId, c.externalUserId, c.unionid, c.nickname, c.avatar],
  );
}

async function upsertFollows(q: Queryable, workspaceId: string, externalUserId: string, follows: readonly DirectoryFollow[]): Promise<void> {
  if (!follows.length) return;
  await q.query(
    `INSERT INTO customer_follows (workspace_id, external_userid, staff_userid, followed_at, seen_at)
     SELECT $1, $2, f.userid, to_timestamp(f.t), now() FROM unnest($3::text[], $4::bigint[]) AS f(userid, t)
     ON CONFLICT (workspace_id, external_userid, staff_userid) DO UPDATE SET followed_at = EXCLUDED.followed_at, seen_at = now()`,
    [workspaceId, externalUserId, follows.map((f) => f.userId), follows.map((f) => f.createTime)],
  );
}

/**
 * What externalcontact/get said about one customer: who they are and the complete list of staff
 * they are a friend of now (friendships not in it are over). One transaction; concurrent writers
 * for the same customer queue on its directory row.
 */
export async function rememberCustomer(db: Db, workspaceId: string, c: DirectoryCustomer & { follows: readonly DirectoryFollow[] }): Promise<void> {
  await db.transaction(async (tx) => {
    await upsertCustomer(tx, workspaceId, c);
    await tx.query(`DELETE FROM customer_follows WHERE workspace_id = $1 AND external_userid = $2 AND NOT (staff_userid = ANY($3::text[]))`,
      [workspaceId, c.externalUserId, c.follows.map((f) => f.userId)]);
    await upsertFollows(tx, workspaceId, c.externalUserId, c.follows);
  });
}

/** One page of staff members' customers (batch/get_by_user): each row names one friendship. Two statements per page. */
export async function rememberFriendships(db: Db, workspaceId: string, rows: ReadonlyArray<DirectoryCustomer & { follow: DirectoryFollow }>): Promise<void> {
  if (!rows.length) return;
  // A customer of two listed staff members appears twice in a page; an upsert may touch a row once.
  const customers = [...new Map(rows.map((r) => [r.externalUserId, r])).values()];
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO customer_directory (workspace_id, external_userid, unionid, nickname, avatar, seen_at)
       SELECT $1, c.ext, c.unionid, c.nickname, c.avatar, now() FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS c (ext, unionid, nickname, avatar)
       ON CONFLICT (workspace_id, external_userid) DO UPDATE SET unionid = coalesce(EXCLUDED.unionid, customer_directory.unionid),
         nickname = coalesce(nullif(EXCLUDED.nickname, ''), customer_directory.nickname), avatar = coalesce(EXCLUDED.avatar, customer_directory.avatar), seen_at = now()`,
      [workspaceId, customers.map((c) => c.externalUserId), customers.map((c) => c.unionid), customers.map((c) => c.nickname), customers.map((c) => c.avatar)],
    );
    await tx.query(
      `INSERT INTO customer_follows (workspace_id, external_userid, staff_userid, followed_at, seen_at)
       SELECT $1, f.ext, f.userid, to_timestamp(f.t), now() FROM unnest($2::text[], $3::text[], $4::bigint[]) AS f (ext, userid, t)
       ON CONFLICT (workspace_id, external_userid, staff_userid) DO UPDATE SET followed_at = EXCLUDED.followed_at, seen_at = now()`,
      [workspaceId, rows.map((r) => r.externalUserId), rows.map((r) => r.follow.userId), rows.map((r) => r.follow.createTime)],
    );
  });
}

/** After a complete pull of these staff members' customers: friendships the pull did not see are over. */
export async function forgetUnseenFriendships(q: Queryable, workspaceId: string, staffUserIds: readonly string[], pullStartedAt: Date): Promise<number> {
  const r = await q.query(`DELETE FROM customer_follows WHERE workspace_id = $1 AND staff_userid = ANY($2::text[]) AND seen_at < $3`, [workspaceId, staffUserIds, pullStartedAt]);
  return r.rowCount;
}

/** A friendship WeCom says ended (del_follow_user / del_external_contact). */
export async function forgetFriendship(q: Queryable, k: { workspaceId: string; externalUserId: string; staffUserId: string }): Promise<void> {
  await q.query(`DELETE FROM customer_follows WHERE workspace_id = $1 AND external_userid = $2 AND staff_userid = $3`, [k.workspaceId, k.externalUserId, k.staffUserId]);
}

export interface KnownCustomer {
  externalUserId: string;
  /** Staff members they were a friend of when last seen. */
  staffUserIds: string[];
}

/** The customer with this unionid, as the directory knows them; null when we never met them at WeCom. */
export async function findCustomerByUnionid(q: Queryable, workspaceId: string, unionid: string): Promise<KnownCustomer | null> {
  const r = await q.query<KnownCustomer>(
    `SELECT d.external_userid AS "externalUserId", coalesce(array_agg(f.staff_userid) FILTER (WHERE f.staff_userid IS NOT NULL), '{}') AS "staffUserIds"
     FROM customer_directory d LEFT JOIN customer_follows f ON f.workspace_id = d.workspace_id AND f.external_userid = d.external_userid
     WHERE d.workspace_id = $1 AND d.unionid = $2
     GROUP BY d.external_userid, d.seen_at ORDER BY d.seen_at DESC LIMIT 1`,
    [workspaceId, unionid],
  );
  return r.rows[0] ?? null;
}

export async function countDirectory(q: Queryable, workspaceId: string): Promise<{ customers: number; withUnionid: number }> {
  const r = await q.query<{ customers: number; withUnionid: number }>(
    `SELECT count(*)::int AS customers, count(unionid)::int AS "withUnionid" FROM customer_directory WHERE workspace_id = $1`, [workspaceId]);
  return r.rows[0]!;
}
