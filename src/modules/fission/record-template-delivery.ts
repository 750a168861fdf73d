// The inbox handler for OA `TEMPLATESENDJOBFINISH` (reference §6.4): WeChat's word on whether a
// progress message reached the inviter (`success`, `failed:user block`, `failed: system failed`),
// kept on its oa_template_sends row.
import type { InboxHandler, InboxOutcome } from '../inbox/handlers.ts';
import { recordTemplateDelivery } from './oa-template-sends.ts';

export const handleTemplateFinish: InboxHandler<'oa'> = async (item, deps): Promise<InboxOutcome> => {
  const e = item.event;
  if (e.kind !== 'template_send_job_finish') return { status: 'ignored', reason: `not a template result (${e.kind})` };
  const msgid = Number(e.msgId);
  if (!Number.isSafeInteger(msgid)) return { status: 'ignored', reason: `MsgID ${JSON.stringify(e.msgId)} is not a number` };
  const known = await recordTemplateDelivery(deps.db, { workspaceId: item.workspaceId, msgid, delivery: e.status });
  return known ? { status: 'processed', reason: `progress message ${msgid}: ${e.status}` } : { status: 'ignored', reason: `template message ${msgid} was not sent by a campaign` };
};
