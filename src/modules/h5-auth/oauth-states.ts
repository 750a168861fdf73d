// Rows of oauth_states: one per sign-in round trip through WeChat's authorize page. The `state`
// WeChat carries there and back is 32 random letters and digits (WeChat allows ≤ 128 of
// [A-Za-z0-9]): unguessable, so it cannot be forged, and it names a row that says where to return
// (checked when stored) — nothing in the URL is trusted. A state is used once, within 10 minutes,
// and only by the browser that started it (the hash of an HttpOnly cookie, against login CSRF).
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import type { OAuthScope } from '../../wechat/oa/types.ts';

export const STATE_TTL_SECONDS = 600;
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export interface OauthState {
  state: string;
  workspaceId: string;
  campaignId: number;
  returnPath: string;
  scope: OAuthScope;
  baseOpenid: string | null;
}

export const hashBrowserKey = (key: string) => createHash('sha256').update(key).digest('hex');
/** A browser's key: 32 hex characters kept in an HttpOnly cookie. */
export const newBrowserKey = () => randomBytes(16).toString('hex');
export const isBrowserKey = (v: string | undefined): v is string => typeof v === 'string' && /^[0-9a-f]{32}$/.test(v);

function randomState(): string {
  // 62 · 4 = 248: bytes ≥ 248 are dropped so every character is equally likely.
  let s = '';
  while (s.length < 32) for (const b of randomBytes(48)) if (b < 248 && s.length < 32) s += ALNUM[b % 62];
  return s;
}

export async function createOauthState(q: Queryable, p: Omit<OauthState, 'state'> & { browserKey: string }): Promise<string> {
  const state = randomState();
  // Old rows go as new ones come: a day is far past any use.
  await q.query(`DELETE FROM oauth_states WHERE created_at < now() - interval '1 day'`);
  await q.query(
    `INSERT INTO oauth_states (state, workspace_id, campaign_id, return_path, scope, browser_hash, base_openid) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [state, p.workspaceId, p.campaignId, p.returnPath, p.scope, hashBrowserKey(p.browserKey), p.baseOpenid],
  );
  return state;
}

const COLUMNS = `state, workspace_id AS "workspaceId", campaign_id AS "campaignId", return_path AS "returnPath", scope, base_openid AS "baseOpenid"`;

/** Takes a state for this browser, once. Throws a bad_request naming what is wrong with it. */
export async function consumeOauthState(q: Queryable, state: string, browserKey: string | undefined): Promise<OauthState> {
  const r = await q.query<OauthState & { browserHash: string; used: boolean; expired: boolean }>(
    `SELECT ${COLUMNS}, browser_hash AS "browserHash", used_at IS NOT NULL AS used, created_at < now() - make_interval(secs => $2) AS expired
     FROM oauth_states WHERE state = $1`,
    [state, STATE_TTL_SECONDS],
  );
  const row = r.rows[0];
  const fail = (message: string, returnPath?: string) => new AppError('bad_request', message, { fields: [{ path: 'querystring.state', message }], ...(returnPath ? { details: { returnPath } } : {}) });
  if (!row) throw fail('this sign-in is not one we started (unknown state)');
  if (!isBrowserKey(browserKey) || hashBrowserKey(browserKey) !== row.browserHash) throw fail('this sign-in was started in another browser', row.returnPath);
  if (row.used) throw fail('this sign-in was already completed (the link was opened twice)', row.returnPath);
  if (row.expired) throw fail('this sign-in took too long and has expired', row.returnPath);
  const taken = await q.query(`UPDATE oauth_states SET used_at = now() WHERE state = $1 AND used_at IS NULL`, [state]);
  if (taken.rowCount !== 1) throw fail('this sign-in was already completed (the link was opened twice)', row.returnPath);
  return { state: row.state, workspaceId: row.workspaceId, campaignId: row.campaignId, returnPath: row.returnPath, scope: row.scope, baseOpenid: row.baseOpenid };
}
