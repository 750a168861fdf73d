// 老用户参与 (seed 000): a customer who was already a friend of a pool staff member — so WeCom sends
// no add event — takes part from the H5 page and gets their own page link. Level 1, not a new
// customer, not counted as a new friend; the campaign's tags go on them.
import { AppError } from '../../errors.ts';
import { MarkTagsJob } from '../../jobs/fission/definitions.ts';
import { lockCustomer } from './customer-lock.ts';
import { transactionWithRetry } from './transaction-with-retry.ts';
import { wasCustomerBefore } from './customer-profile.ts';
import { findFlowCampaign } from './flow-campaign.ts';
import { joinOrHelp } from './join-or-help.ts';
import { linkSecret, myPageUrl, participantToken } from './links.ts';
import type { FlowDeps } from './record-contact-added.ts';
import { loadReturningFriend } from './returning-friend.ts';

export interface ReturningJoin {
  participantId: number;
  created: boolean;
  token: string;
  url: string;
}

export async function joinAsReturningCustomer(deps: FlowDeps, p: { campaignId: number; externalUserId: string }, now = new Date()): Promise<ReturningJoin> {
  const f = await loadReturningFriend(deps, p.campaignId, p.externalUserId, now);
  const secret = await linkSecret(deps.db);
  const r = await transactionWithRetry(deps.db, async (tx) => {
    await lockCustomer(tx, f.workspaceId, p.externalUserId);
    const campaign = (await findFlowCampaign(tx, f.workspaceId, p.campaignId, now))!;
    const result = await joinOrHelp(tx, deps.jobs, {
      workspaceId: f.workspaceId, campaign, inviter: null, profile: f.profile, staffUserId: f.staffUserId,
      wasCustomerBefore: wasCustomerBefore(f.profile, campaign.config.startAt), newFriendship: false, at: now,
    });
    if (!result.participant) throw new AppError('conflict', `cannot take part: ${result.join.valid ? 'unknown' : result.join.reason}`, { details: { reason: result.join.valid ? null : result.join.reason } });
    const tags = campaign.config.rules.joinTagIds;
    if (result.participantCreated && tags.length) {
      await deps.jobs.send(MarkTagsJob, { workspaceId: f.workspaceId, staffUserId: f.staffUserId, externalUserId: p.externalUserId, addTagIds: tags, removeTagIds: [] },
        { tx, key: `tag:returning:${campaign.id}:${p.externalUserId}` });
    }
    return { participantId: result.participant.id, created: result.participantCreated, endAt: campaign.config.endAt };
  });
  const token = participantToken(secret, r.participantId, r.endAt);
  return { participantId: r.participantId, created: r.created, token, url: myPageUrl(deps.config, p.campaignId, token) };
}
