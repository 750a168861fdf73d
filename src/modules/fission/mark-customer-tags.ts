// The campaign's corp tags on a customer who joined or helped, and off again once they deleted the
// staff member (seed 000 §3.2), through mark_tag (reference §3.5). Marking is idempotent at WeCom.
// 84061 (no longer a customer of that staff member) means there is nothing left to tag or untag;
// 40068 (a tag the operator has since deleted) cannot succeed on retry: both end the job.
import { WeChatApiError } from '../../wechat/core/api-error.ts';
import { getWorkspace } from '../workspace/workspace-row.ts';
import type { FlowDeps } from './record-contact-added.ts';
import { wecomContactClient } from './wecom-clients.ts';

export type TagOutcome = 'marked' | 'not_a_customer' | 'unknown_tag' | 'nothing_to_do';

export async function markCustomerTags(
  deps: FlowDeps,
  p: { workspaceId: string; staffUserId: string; externalUserId: string; addTagIds: string[]; removeTagIds: string[] },
): Promise<TagOutcome> {
  if (!p.addTagIds.length && !p.removeTagIds.length) return 'nothing_to_do';
  const client = wecomContactClient(deps.db, deps.config, await getWorkspace(deps.db, { id: p.workspaceId }));
  try {
    await client.markTag({
      userid: p.staffUserId, external_userid: p.externalUserId,
      ...(p.addTagIds.length ? { add_tag: p.addTagIds } : {}), ...(p.removeTagIds.length ? { remove_tag: p.removeTagIds } : {}),
    });
    return 'marked';
  } catch (err) {
    if (err instanceof WeChatApiError && err.errcode === 84061) return 'not_a_customer';
    if (err instanceof WeChatApiError && err.errcode === 40068) return 'unknown_tag';
    throw err;
  }
}
