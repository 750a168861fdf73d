// The inbox handler for WeCom `change_external_contact`: adds go to the add flow, deletes (either
// side) to the churn flow; other change types do not concern campaigns.
import type { InboxHandler, InboxOutcome } from '../inbox/handlers.ts';
import { registerInboxHandler } from '../inbox/handlers.ts';
import { recordContactAdded } from './record-contact-added.ts';
import { recordContactDeleted } from './record-contact-deleted.ts';

export const handleContactChange: InboxHandler<'wecom'> = async (item, deps): Promise<InboxOutcome> => {
  const e = item.event;
  if (e.kind !== 'change_external_contact') return { status: 'ignored', reason: `not a customer change (${e.kind})` };
  const target = { workspaceId: item.workspaceId, inboxId: item.id, event: e };
  switch (e.changeType) {
    case 'add_external_contact':
      return recordContactAdded(deps, target);
    case 'del_follow_user':
    case 'del_external_contact':
      return recordContactDeleted(deps, target);
    case 'add_half_external_contact':
      return { status: 'ignored', reason: 'half add: the staff member has not confirmed yet; the full add follows' };
    default:
      return { status: 'ignored', reason: `${e.changeType} does not concern campaigns` };
  }
};

let registered = false;

/** Plugs the flows into the inbox of this process (workers call it once at start). */
export function registerFissionInboxHandlers(): void {
  if (registered) return;
  registerInboxHandler('wecom', 'change_external_contact', handleContactChange);
  registered = true;
}
