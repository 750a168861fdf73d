// The inbox handler for WeCom `change_external_contact`: adds go to the add flow (and, when no
// campaign takes them, to the customer directory of a workspace with an OA), deletes (either side) to the churn flow; other
// change types do not concern campaigns.
import type { InboxHandler, InboxOutcome } from '../inbox/handlers.ts';
import type { InboxDeps } from '../inbox/inbox-item.ts';
import { registerInboxHandler } from '../inbox/handlers.ts';
import { refreshCustomer } from '../customers/look-up-customer.ts';
import { hasOfficialAccount } from '../oa-users/oa-client.ts';
import { getWorkspace } from '../workspace/workspace-row.ts';
import { recordOaFollow } from '../oa-users/record-oa-follow.ts';
import { recordContactAdded } from './record-contact-added.ts';
import { handleTemplateFinish } from './record-template-delivery.ts';
import { recordContactDeleted } from './record-contact-deleted.ts';
import { wecomContactClient } from './wecom-clients.ts';

export const handleContactChange: InboxHandler<'wecom'> = async (item, deps): Promise<InboxOutcome> => {
  const e = item.event;
  if (e.kind !== 'change_external_contact') return { status: 'ignored', reason: `not a customer change (${e.kind})` };
  const target = { workspaceId: item.workspaceId, inboxId: item.id, event: e };
  switch (e.changeType) {
    case 'add_external_contact': {
      const outcome = await recordContactAdded(deps, target);
      // Not a campaign's add: the customer directory still learns who they are (returning customers).
      if (outcome.status === 'ignored') await rememberOutsider(deps, item.workspaceId, e.externalUserId);
      return outcome;
    }
    case 'del_follow_user':
    case 'del_external_contact':
      return recordContactDeleted(deps, target);
    case 'add_half_external_contact':
      return { status: 'ignored', reason: 'half add: the staff member has not confirmed yet; the full add follows' };
    default:
      return { status: 'ignored', reason: `${e.changeType} does not concern campaigns` };
  }
};

// Only where visitors sign in through an OA is the directory read: elsewhere the lookup would be wasted.
async function rememberOutsider(deps: InboxDeps, workspaceId: string, externalUserId: string): Promise<void> {
  const ws = await getWorkspace(deps.db, { id: workspaceId });
  if (!hasOfficialAccount(ws) || !ws.wecomCorpId || !ws.wecomContactSecret) return;
  await refreshCustomer(deps.db, workspaceId, wecomContactClient(deps.db, deps.config, ws), externalUserId);
}

let registered = false;

/** Plugs the flows into the inbox of this process (workers call it once at start). */
export function registerFissionInboxHandlers(): void {
  if (registered) return;
  registerInboxHandler('wecom', 'change_external_contact', handleContactChange);
  registerInboxHandler('oa', 'subscribe', recordOaFollow);
  registerInboxHandler('oa', 'unsubscribe', recordOaFollow);
  registerInboxHandler('oa', 'templatesendjobfinish', handleTemplateFinish);
  registered = true;
}
