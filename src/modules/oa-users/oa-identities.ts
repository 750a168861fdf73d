// Rows of oa_identities: one WeChat user as one Official Account (AppID) knows them. Every write
// merges: a value WeChat did not give this time keeps what was known.
import type { Queryable } from '../../db/client.ts';

export interface OaIdentity {
  workspaceId: string;
  appId: string;
  openid: string;
  unionid: string | null;
  nickname: string | null;
  avatar: string | null;
  subscribed: boolean | null;
  userinfoAt: Date | null;
}

const COLUMNS = `workspace_id AS "workspaceId", app_id AS "appId", openid, unionid, nickname, avatar, subscribed, userinfo_at AS "userinfoAt"`;

export interface OaIdentityFacts {
  unionid?: string | null | undefined;
  nickname?: string | null | undefined;
  avatar?: string | null | undefined;
  subscribed?: boolean | undefined;
  /** A snsapi_userinfo grant was just made. */
  userinfo?: boolean;
}

export async function saveOaIdentity(q: Queryable, key: { workspaceId: string; appId: string; openid: string }, f: OaIdentityFacts): Promise<OaIdentity> {
  const r = await q.query<OaIdentity>(
    `INSERT INTO oa_identities (workspace_id, app_id, openid, unionid, nickname, avatar, subscribed, userinfo_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $8 THEN now() END)
     ON CONFLICT (workspace_id, app_id, openid) DO UPDATE SET
       unionid = coalesce(EXCLUDED.unionid, oa_identities.unionid),
       nickname = coalesce(EXCLUDED.nickname, oa_identities.nickname),
       avatar = coalesce(EXCLUDED.avatar, oa_identities.avatar),
       subscribed = coalesce(EXCLUDED.subscribed, oa_identities.subscribed),
       userinfo_at = coalesce(EXCLUDED.userinfo_at, oa_identities.userinfo_at),
       updated_at = now()
     RETURNING ${COLUMNS}`,
    [key.workspaceId, key.appId, key.openid, f.unionid || null, f.nickname || null, f.avatar || null, f.subscribed ?? null, f.userinfo === true],
  );
  return r.rows[0]!;
}

export async function findOaIdentity(q: Queryable, key: { workspaceId: string; appId: string; openid: string }): Promise<OaIdentity | null> {
  const r = await q.query<OaIdentity>(`SELECT ${COLUMNS} FROM oa_identities WHERE workspace_id = $1 AND app_id = $2 AND openid = $3`, [key.workspaceId, key.appId, key.openid]);
  return r.rows[0] ?? null;
}

/** The openid under the workspace's current OA of the person with this unionid, if we ever met them there. */
export async function openidOfUnionid(q: Queryable, workspaceId: string, appId: string, unionid: string): Promise<string | null> {
  const r = await q.query<{ openid: string }>(
    `SELECT openid FROM oa_identities WHERE workspace_id = $1 AND app_id = $2 AND unionid = $3 ORDER BY updated_at DESC LIMIT 1`,
    [workspaceId, appId, unionid],
  );
  return r.rows[0]?.openid ?? null;
}
