// WeChat brings the browser back from the authorize page with `code` and `state` (reference §6.8).
// The state is taken once for this browser (oauth-states.ts); the code is exchanged once (WeChat:
// single use, 5 minutes — 40029 / 40163 / 42003 become a clear bad_request, never a 500). Then:
//   snsapi_base      gives the openid only; the unionid comes from what we already know of this
//                    openid, or from user/info when they follow the OA. Still unknown, and never
//                    asked before: a second round with snsapi_userinfo (WeChat asks the user once).
//   snsapi_userinfo  gives unionid, nickname and avatar (sns/userinfo). Declined (no code): the
//                    visitor goes on with the openid of the first round.
// The visitor's facts are kept in oa_identities, and the page gets a signed session (openid,
// unionid, workspace) to act with.
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { WeChatApiError } from '../../wechat/core/api-error.ts';
import type { OaClient } from '../../wechat/oa/client.ts';
import { oaClient } from '../oa-users/oa-client.ts';
import { saveOaIdentity, type OaIdentity } from '../oa-users/oa-identities.ts';
import { getWorkspace } from '../workspace/workspace-row.ts';
import { linkSecret } from './link-secret.ts';
import { consumeOauthState, createOauthState, type OauthState } from './oauth-states.ts';
import { signSession, WECHAT_ID } from './session-token.ts';
import { callbackUrl } from './start-oauth.ts';

export type OauthFinish = { kind: 'signed_in'; returnPath: string; session: string } | { kind: 'again'; authorizeUrl: string };

const CODE_ERRORS: Record<number, string> = {
  40029: 'WeChat does not know this sign-in code',
  40163: 'this sign-in code was already used',
  42003: 'this sign-in code has expired',
};

export async function finishOauth(deps: { db: Db; config: Config }, p: { state: string; code: string | undefined; browserKey: string | undefined }): Promise<OauthFinish> {
  const { db } = deps;
  const st = await consumeOauthState(db, p.state, p.browserKey);
  const ws = await getWorkspace(db, { id: st.workspaceId });
  const client = oaClient(db, deps.config, ws);
  if (!client) throw new AppError('conflict', 'the workspace no longer has an Official Account to sign in with', { details: { returnPath: st.returnPath } });
  const key = { workspaceId: ws.id, appId: client.appId };

  let identity: OaIdentity;
  if (!p.code) {
    // WeChat returns without a code when the user declines snsapi_userinfo: go on as the first round found them.
    if (st.scope !== 'snsapi_userinfo' || !st.baseOpenid) throw codeError('WeChat returned no sign-in code', st);
    identity = await saveOaIdentity(db, { ...key, openid: st.baseOpenid }, { userinfo: true });
  } else {
    const token = await exchange(client, p.code, st);
    if (token.is_snapshotuser === 1) throw codeError('the page was opened as a snapshot (快照页): tap 使用完整服务 to continue', st);
    if (!WECHAT_ID.test(token.openid)) throw new AppError('wechat_error', `WeChat returned an openid we cannot use: ${JSON.stringify(token.openid)}`);
    if (st.scope === 'snsapi_userinfo') {
      const u = await client.snsUserInfo(token.access_token, token.openid);
      identity = await saveOaIdentity(db, { ...key, openid: token.openid }, { unionid: u.unionid ?? token.unionid, nickname: u.nickname, avatar: u.headimgurl, userinfo: true });
    } else {
      identity = await saveOaIdentity(db, { ...key, openid: token.openid }, { unionid: token.unionid });
      if (!identity.unionid) identity = await askFollower(db, client, key, identity);
      if (!identity.unionid && !identity.userinfoAt) return { kind: 'again', authorizeUrl: await secondRound(deps, client, st, identity.openid, p.browserKey!) };
    }
  }
  if (identity.unionid && !WECHAT_ID.test(identity.unionid)) throw new AppError('wechat_error', 'WeChat returned a unionid we cannot use');
  const session = signSession(await linkSecret(db), { workspaceId: ws.id, openid: identity.openid, unionid: identity.unionid });
  return { kind: 'signed_in', returnPath: st.returnPath, session };
}

function codeError(message: string, st: OauthState): AppError {
  return new AppError('bad_request', message, { fields: [{ path: 'querystring.code', message }], details: { returnPath: st.returnPath } });
}

async function exchange(client: OaClient, code: string, st: OauthState) {
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(code)) throw codeError('the sign-in code is malformed', st);
  try {
    return await client.oauthAccessToken(code);
  } catch (err) {
    if (err instanceof WeChatApiError && err.errcode !== null && CODE_ERRORS[err.errcode]) throw codeError(CODE_ERRORS[err.errcode]!, st);
    throw err;
  }
}

/** user/info gives a follower's unionid; for anyone else (or if WeChat will not say) it changes nothing. */
async function askFollower(db: Db, client: OaClient, key: { workspaceId: string; appId: string }, identity: OaIdentity): Promise<OaIdentity> {
  try {
    const info = await client.getUserInfo(identity.openid);
    return await saveOaIdentity(db, { ...key, openid: identity.openid }, { unionid: info.unionid, subscribed: info.subscribe === 1 });
  } catch (err) {
    if (err instanceof WeChatApiError) return identity;
    throw err;
  }
}

async function secondRound(deps: { db: Db; config: Config }, client: OaClient, st: OauthState, openid: string, browserKey: string): Promise<string> {
  const state = await createOauthState(deps.db, { workspaceId: st.workspaceId, campaignId: st.campaignId, returnPath: st.returnPath, scope: 'snsapi_userinfo', baseOpenid: openid, browserKey });
  return client.oauthAuthorizeUrl({ redirectUri: callbackUrl(deps.config), scope: 'snsapi_userinfo', state });
}
