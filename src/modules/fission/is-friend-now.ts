// Whether WeCom lists the customer as a friend of the staff member right now (externalcontact/get).
import { WeChatApiError } from '../../wechat/core/api-error.ts';
import { getWorkspace } from '../workspace/workspace-row.ts';
import { lookUpCustomer } from '../customers/look-up-customer.ts';
import type { FriendEventKey } from './friend-events.ts';
import type { FlowDeps } from './record-contact-added.ts';
import { wecomContactClient } from './wecom-clients.ts';

export async function isFriendNow(deps: FlowDeps, k: FriendEventKey): Promise<boolean> {
  const client = wecomContactClient(deps.db, deps.config, await getWorkspace(deps.db, { id: k.workspaceId }));
  try {
    return (await lookUpCustomer(deps.db, k.workspaceId, client, k.externalUserId)).follows.some((f) => f.userId === k.staffUserId);
  } catch (err) {
    if (err instanceof WeChatApiError && err.errcode === 84061) return false;
    throw err;
  }
}
