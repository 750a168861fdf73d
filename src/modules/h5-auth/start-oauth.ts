// An H5 page of a workspace with an Official Account asks who the visitor is: the browser is sent
// through WeChat's authorize page (reference §6.8), silently with snsapi_base, and comes back to
// /api/h5/oauth/callback (finish-oauth.ts). The page to return to must be one of this campaign's
// /h5 pages; it is kept server-side under the state, never in the URL.
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { AppError, notFound, validationError } from '../../errors.ts';
import { checkReturnPath } from '../../domain/shared/h5-return-path.ts';
import { campaignWorkspaceId } from '../fission/flow-campaign.ts';
import { oaClient } from '../oa-users/oa-client.ts';
import { getWorkspace } from '../workspace/workspace-row.ts';
import { createOauthState, isBrowserKey, newBrowserKey } from './oauth-states.ts';

export const CALLBACK_PATH = '/api/h5/oauth/callback';
export const callbackUrl = (config: Config) => `${config.publicUrl}${CALLBACK_PATH}`;

export async function startOauth(
  deps: { db: Db; config: Config }, p: { campaignId: number; returnPath: string; browserKey: string | undefined },
): Promise<{ authorizeUrl: string; browserKey: string }> {
  const to = checkReturnPath(p.returnPath, p.campaignId);
  if (!to.ok) throw validationError([{ path: 'querystring.to', message: to.message }]);
  const workspaceId = await campaignWorkspaceId(deps.db, p.campaignId);
  if (!workspaceId) throw notFound(`campaign ${p.campaignId}`);
  const client = oaClient(deps.db, deps.config, await getWorkspace(deps.db, { id: workspaceId }));
  if (!client) throw new AppError('conflict', 'this campaign\'s workspace has no Official Account to sign in with: open your personal link from the WeCom chat');
  const browserKey = isBrowserKey(p.browserKey) ? p.browserKey : newBrowserKey();
  const state = await createOauthState(deps.db, { workspaceId, campaignId: p.campaignId, returnPath: to.path, scope: 'snsapi_base', baseOpenid: null, browserKey });
  return { authorizeUrl: client.oauthAuthorizeUrl({ redirectUri: callbackUrl(deps.config), scope: 'snsapi_base', state }), browserKey };
}
