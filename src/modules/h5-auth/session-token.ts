// The session an H5 page gets from signing in through the Official Account (finish-oauth.ts): who
// the WeChat user is to this workspace — openid, and unionid when WeChat gave one. Signed like the
// link tokens (signed-token.ts), with its own purpose, so no link can pass for a session or the
// other way round. It is short-lived: the pages keep it in memory only and sign in again on the
// next load (see web/h5/src/lib/identity.ts for why).
import { signToken, verifyToken, type VerifyResult } from './signed-token.ts';

export const H5_SESSION = 'h5-session';
export const SESSION_SECONDS = 12 * 3600;
/** openids and unionids are letters, digits, '-' and '_' (28 characters at WeChat). */
export const WECHAT_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface H5Session {
  workspaceId: string;
  openid: string;
  unionid: string | null;
}

export function signSession(secret: Buffer, s: H5Session, nowSeconds = Math.floor(Date.now() / 1000)): string {
  return signToken(secret, { purpose: H5_SESSION, sub: `${s.workspaceId}:${s.openid}:${s.unionid ?? ''}`, exp: nowSeconds + SESSION_SECONDS });
}

export type SessionResult = { ok: true; session: H5Session } | { ok: false; reason: Exclude<VerifyResult, { ok: true }>['reason'] };

export function verifySession(secret: Buffer, token: string, nowSeconds?: number): SessionResult {
  const v = verifyToken(secret, token, H5_SESSION, nowSeconds);
  if (!v.ok) return v;
  const [workspaceId, openid, unionid, extra] = v.claims.sub.split(':');
  if (!workspaceId || !openid || unionid === undefined || extra !== undefined) return { ok: false, reason: 'malformed' };
  return { ok: true, session: { workspaceId, openid, unionid: unionid || null } };
}
