// The inbox handler for OA `subscribe` / `unsubscribe`: remembers the follower's openid and unionid
// (user/info), so that the account can reach people who follow it without ever opening an H5 page
// (template messages to inviters). Follow events may arrive late or out of order, so what is
// recorded is what user/info says now, not what the event says.
import type { InboxHandler, InboxOutcome } from '../inbox/handlers.ts';
import { getWorkspace } from '../workspace/workspace-row.ts';
import { oaClient } from './oa-client.ts';
import { saveOaIdentity } from './oa-identities.ts';

export const recordOaFollow: InboxHandler<'oa'> = async (item, deps): Promise<InboxOutcome> => {
  const e = item.event;
  if (e.kind !== 'subscribe' && e.kind !== 'unsubscribe') return { status: 'ignored', reason: `not a follow event (${e.kind})` };
  const ws = await getWorkspace(deps.db, { id: item.workspaceId });
  const client = oaClient(deps.db, deps.config, ws);
  if (!client) return { status: 'ignored', reason: 'the workspace has no Official Account credentials (oaAppId, oaAppSecret)' };
  const info = await client.getUserInfo(e.fromUserName);
  const subscribed = info.subscribe === 1;
  await saveOaIdentity(deps.db, { workspaceId: ws.id, appId: client.appId, openid: e.fromUserName }, { unionid: info.unionid, subscribed });
  return { status: 'processed', reason: `OA user ${subscribed ? 'follows' : 'does not follow'} the account` };
};
