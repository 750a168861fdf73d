// The customer-service code of a prize whose contact is a staff member: a "contact me" code for
// that one staff member (type 1), made the first time a winner needs it and shared by every winner
// of the campaign (one per campaign and staff member, live-contact-way.ts). Its `state` is the
// service kind, so adding the staff through it is neither a join nor a help
// (record-contact-added.ts). It can be made while prizes can be claimed — from publishing until the
// claim window closes, after the campaign's end — and is deleted when that window closes.
import { conflict } from '../../errors.ts';
import { encodeContactWayState } from '../../domain/shared/contact-way-state.ts';
import { claimDeadline, scheduleClaimEndCleanup } from './claim-window.ts';
import { findFlowCampaign } from './flow-campaign.ts';
import { ensureLiveContactWay, type LiveContactWay } from './live-contact-way.ts';
import type { FlowDeps } from './record-contact-added.ts';

export async function ensureServiceContactWay(deps: FlowDeps, t: { workspaceId: string; campaignId: number; staffUserId: string }): Promise<LiveContactWay> {
  const { db } = deps;
  const claimable = async () => {
    const c = await findFlowCampaign(db, t.workspaceId, t.campaignId, new Date());
    if (!c || c.status === 'draft') return { c: null, why: `campaign ${t.campaignId} has no prizes to claim` };
    if (Date.now() >= claimDeadline(c).getTime()) return { c: null, why: `the prizes of campaign ${t.campaignId} could be claimed until ${claimDeadline(c).toISOString()}` };
    return { c, why: null };
  };
  const { c, why } = await claimable();
  if (!c) throw conflict(why!);
  const way = await ensureLiveContactWay(deps, { workspaceId: t.workspaceId, campaignId: t.campaignId, participantId: null, serviceUserId: t.staffUserId }, {
    async plan() {
      const now = await claimable();
      if (!now.c) throw conflict(now.why!);
      return { state: encodeContactWayState({ kind: 'service', campaignId: t.campaignId }), staff: [t.staffUserId] };
    },
    unwanted: async () => (await claimable()).why,
  });
  // Asked on every call (the key makes it one job per deadline): a crash right after the code was
  // made must not leave it without its clean-up.
  await scheduleClaimEndCleanup(db, deps.jobs, { workspaceId: t.workspaceId, campaignId: t.campaignId, deadline: claimDeadline(c) });
  return way;
}
