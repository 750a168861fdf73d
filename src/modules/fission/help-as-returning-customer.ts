// 老用户助力 (seed 000): a friend who already has a pool staff member taps "帮TA助力" on the help page
// instead of adding staff (a rescan sends WeCom no event). The same rules as a help through the
// code (validateHelp), so new-customers-only campaigns refuse them (not_new_customer); a valid help
// counts at once ("助力成功"), and they take part too, one level below the inviter.
import { notFound } from '../../errors.ts';
import type { HelpVerdict } from '../../domain/task-fission/help-validation.ts';
import { MarkTagsJob } from '../../jobs/fission/definitions.ts';
import { lockCustomer } from './customer-lock.ts';
import { transactionWithRetry } from './transaction-with-retry.ts';
import { wasCustomerBefore } from './customer-profile.ts';
import { findFlowCampaign } from './flow-campaign.ts';
import { findParticipant } from './flow-participant.ts';
import { joinOrHelp } from './join-or-help.ts';
import { linkSecret, myPageUrl, parseInviterCode, participantToken } from './links.ts';
import type { FlowDeps } from './record-contact-added.ts';
import { loadReturningFriend } from './returning-friend.ts';

export interface ReturningHelp {
  verdict: HelpVerdict;
  inviterCount: number;
  /** Their own page, when they take part. */
  participant: { id: number; level: number; url: string } | null;
}

export async function helpAsReturningCustomer(
  deps: FlowDeps, p: { campaignId: number; inviterCode: string; externalUserId: string }, now = new Date(),
): Promise<ReturningHelp> {
  const secret = await linkSecret(deps.db);
  const inviterId = parseInviterCode(secret, p.campaignId, p.inviterCode);
  if (inviterId === null) throw notFound('help page');
  const f = await loadReturningFriend(deps, p.campaignId, p.externalUserId, now);
  const r = await transactionWithRetry(deps.db, async (tx) => {
    await lockCustomer(tx, f.workspaceId, p.externalUserId);
    const campaign = (await findFlowCampaign(tx, f.workspaceId, p.campaignId, now))!;
    const inviter = await findParticipant(tx, campaign.id, { id: inviterId });
    if (!inviter) throw notFound('help page');
    const result = await joinOrHelp(tx, deps.jobs, {
      workspaceId: f.workspaceId, campaign, inviter, profile: f.profile, staffUserId: f.staffUserId,
      wasCustomerBefore: wasCustomerBefore(f.profile, campaign.config.startAt), newFriendship: false, at: now,
    });
    const tags = campaign.config.rules.joinTagIds;
    if (result.participantCreated && tags.length) {
      await deps.jobs.send(MarkTagsJob, { workspaceId: f.workspaceId, staffUserId: f.staffUserId, externalUserId: p.externalUserId, addTagIds: tags, removeTagIds: [] },
        { tx, key: `tag:returning:${campaign.id}:${p.externalUserId}` });
    }
    return { result, endAt: campaign.config.endAt };
  });
  const { result } = r;
  const me = result.participant;
  return {
    verdict: result.help!.verdict,
    inviterCount: result.help!.inviterCount,
    participant: me && { id: me.id, level: me.level, url: myPageUrl(deps.config, p.campaignId, participantToken(secret, me.id, r.endAt)) },
  };
}
