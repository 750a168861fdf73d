// add_external_contact (reference §3.2) from the inbox: someone added a pool staff member through
// one of our contact ways. The `state` names the campaign and, on a help code, the inviter. In
// one transaction: the help and/or participation (join-or-help.ts), the friendship record, the
// campaign's tags (a job) and the one welcome attempt of this add event (a job within the code's
// 20 s). Anything not ours — no state, a foreign state, an unknown, not-yet-running or ended
// campaign, an unknown inviter, a prize's customer-service code — is left alone and reported as
// ignored with the reason.
import type { Config } from '../../config.ts';
import type { Db, Queryable } from '../../db/client.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { MarkTagsJob } from '../../jobs/fission/definitions.ts';
import { parseContactWayState } from '../../domain/shared/contact-way-state.ts';
import { WeChatApiError } from '../../wechat/core/api-error.ts';
import type { ExternalContactEvent } from '../../wechat/protocol/index.ts';
import type { CampaignView } from '../campaign/campaign-view.ts';
import { getWorkspace } from '../workspace/workspace-row.ts';
import { applyChurn } from './apply-churn.ts';
import { lockCustomer } from './customer-lock.ts';
import { transactionWithRetry } from './transaction-with-retry.ts';
import { lookUpCustomer } from '../customers/look-up-customer.ts';
import { wasCustomerBefore, type CustomerProfile } from './customer-profile.ts';
import { findFlowCampaign } from './flow-campaign.ts';
import type { FlowOutcome } from './flow-outcome.ts';
import { findParticipant, type FlowParticipant } from './flow-participant.ts';
import { addIsStale, recordFriendEvent } from './friend-events.ts';
import { joinOrHelp, type JoinOrHelpResult } from './join-or-help.ts';
import { linkSecret, myPageUrl, participantToken } from './links.ts';
import { progressText } from './progress-text.ts';
import { recordWelcomeAttempt } from './record-welcome-attempt.ts';
import { buildWelcomeContent, invalidHelpText, type WelcomeContent, type WelcomeKind } from './welcome-content.ts';
import { wecomContactClient } from './wecom-clients.ts';
import { enqueueCleanupIfEnded } from './enqueue-cleanup.ts';

export interface FlowDeps {
  db: Db;
  jobs: JobQueue;
  config: Config;
}

export interface ContactAdded {
  workspaceId: string;
  inboxId: string;
  event: ExternalContactEvent;
}

export async function recordContactAdded(deps: FlowDeps, add: ContactAdded, now = new Date()): Promise<FlowOutcome> {
  const { db, jobs } = deps;
  const e = add.event;
  if (!e.state) return { status: 'ignored', reason: 'no state: not added through a campaign code' };
  const state = parseContactWayState(e.state);
  if (!state) return { status: 'ignored', reason: `state "${e.state}" is not a Fission campaign code` };
  // A winner adding the customer service of their prize: counted nowhere (no join, help, friend of
  // the campaign, welcome or tag), so prizes do not inflate the campaign's figures.
  if (state.kind === 'service') return { status: 'ignored', reason: `customer-service code of campaign ${state.campaignId}: a winner adding customer service to claim a prize, not a join or a help` };
  const pre = await findFlowCampaign(db, add.workspaceId, state.campaignId, now);
  const refused = await notRunning(db, jobs, add.workspaceId, state.campaignId, pre);
  if (refused) return refused;
  if (state.inviterParticipantId !== null && !(await findParticipant(db, state.campaignId, { id: state.inviterParticipantId }))) {
    return { status: 'ignored', reason: `unknown inviter ${state.inviterParticipantId} in campaign ${state.campaignId}` };
  }

  const ws = await getWorkspace(db, { id: add.workspaceId });
  const profile = await profileOf(deps, add.workspaceId, wecomContactClient(db, deps.config, ws), e.externalUserId);
  const secret = await linkSecret(db);

  return transactionWithRetry(db, async (tx) => {
    await lockCustomer(tx, add.workspaceId, e.externalUserId);
    const done = await tx.query(`SELECT 1 FROM welcome_attempts WHERE workspace_id = $1 AND inbox_id = $2`, [add.workspaceId, add.inboxId]);
    if (done.rows.length) return { status: 'processed', reason: 'already processed' };
    const friend = { workspaceId: add.workspaceId, externalUserId: e.externalUserId, staffUserId: e.userId };
    await recordFriendEvent(tx, friend, 'add', e.createTime);

    const campaign = await findFlowCampaign(tx, add.workspaceId, state.campaignId, now);
    const refusedNow = await notRunning(tx, jobs, add.workspaceId, state.campaignId, campaign);
    if (refusedNow || !campaign) return refusedNow!;
    const inviter = state.inviterParticipantId === null ? null : await findParticipant(tx, campaign.id, { id: state.inviterParticipantId });

    const result = await joinOrHelp(tx, jobs, {
      workspaceId: add.workspaceId, campaign, inviter, profile, staffUserId: e.userId,
      wasCustomerBefore: wasCustomerBefore(profile, campaign.config.startAt), newFriendship: true, at: now,
    });
    // A delete that arrived before this add: the friendship is already over.
    const stale = await addIsStale(tx, friend, e.createTime, profile.follows.some((f) => f.userId === e.userId));
    if (stale) await applyChurn(tx, jobs, { ...friend, campaignId: campaign.id, at: now, eventKey: `${e.userId}:${e.externalUserId}:${e.createTime}` });

    const participated = result.participant !== null || result.help?.verdict.valid === true;
    const tags = campaign.config.rules.joinTagIds;
    if (participated && !stale && tags.length) {
      await jobs.send(MarkTagsJob, { workspaceId: add.workspaceId, staffUserId: e.userId, externalUserId: e.externalUserId, addTagIds: tags, removeTagIds: [] }, { tx, key: `tag:${add.inboxId}` });
    }
    const welcome = await welcomeFor(tx, deps.config, secret, campaign, inviter, profile, result);
    await recordWelcomeAttempt(tx, jobs, {
      workspaceId: add.workspaceId, campaignId: campaign.id, inboxId: add.inboxId, participantId: result.participant?.id ?? null,
      externalUserId: e.externalUserId, staffUserId: e.userId, kind: welcome.kind, welcomeCode: e.welcomeCode ?? null, content: welcome.content,
      skipReason: stale ? 'the customer deleted the staff member before this add was processed' : welcome.skipReason,
    });
    return { status: 'processed', reason: describe(campaign.id, result, stale) };
  });
}

async function notRunning(q: Queryable, jobs: JobQueue, workspaceId: string, campaignId: number, c: CampaignView | null): Promise<FlowOutcome | null> {
  if (!c) return { status: 'ignored', reason: `unknown campaign ${campaignId}` };
  if (c.status === 'running') return null;
  await enqueueCleanupIfEnded(q, jobs, workspaceId, c);
  return { status: 'ignored', reason: `campaign ${campaignId} is ${c.status}${c.endReason ? ` (${c.endReason})` : ''}` };
}

/** A customer who already deleted the staff cannot be looked up (84061): they still count, nameless. */
async function profileOf(deps: FlowDeps, workspaceId: string, client: ReturnType<typeof wecomContactClient>, externalUserId: string): Promise<CustomerProfile> {
  try {
    return await lookUpCustomer(deps.db, workspaceId, client, externalUserId);
  } catch (err) {
    if (err instanceof WeChatApiError && err.errcode === 84061) return { externalUserId, nickname: '', avatar: null, gender: 'unknown', unionid: null, follows: [] };
    throw err;
  }
}

async function welcomeFor(
  q: Queryable, config: Config, secret: Buffer, campaign: CampaignView, inviter: FlowParticipant | null, profile: CustomerProfile, r: JoinOrHelpResult,
): Promise<{ kind: WelcomeKind; content: WelcomeContent | null; skipReason?: string }> {
  const kind: WelcomeKind = !r.help ? 'participant' : r.help.verdict.valid ? 'helper' : 'invalid_help';
  if (!r.participant) return { kind, content: null, skipReason: `cannot take part: ${r.join.valid ? 'unknown' : r.join.reason}` };
  const url = myPageUrl(config, campaign.id, participantToken(secret, r.participant.id, campaign.config.endAt));
  const texts = campaign.config.welcomeTexts;
  const base = { campaignName: campaign.name, url };
  if (kind === 'helper') {
    return { kind, content: buildWelcomeContent({ ...base, template: texts.helper, values: { nickname: profile.nickname, inviter: inviter?.nickname ?? '', progress: await progressText(q, campaign, inviter!.id, r.help!.inviterCount) } }) };
  }
  const values = { nickname: profile.nickname, inviter: inviter?.nickname ?? '', progress: await progressText(q, campaign, r.participant.id, r.participant.validHelps) };
  const preface = r.help && !r.help.verdict.valid ? invalidHelpText(r.help.verdict.reason) : undefined;
  return { kind, content: buildWelcomeContent({ ...base, template: texts.participant, values, preface }) };
}

function describe(campaignId: number, r: JoinOrHelpResult, stale: boolean): string {
  const parts: string[] = [];
  if (r.help) parts.push(r.help.verdict.valid ? `valid help ${r.help.id} (inviter count ${r.help.inviterCount})` : `invalid help ${r.help.id}: ${r.help.verdict.reason}`);
  if (r.participant) parts.push(`${r.participantCreated ? 'joined' : 'returned'} as participant ${r.participant.id} (level ${r.participant.level})`);
  else if (!r.join.valid) parts.push(`cannot join: ${r.join.reason}`);
  if (r.rewards.length) parts.push(`tiers reached: ${r.rewards.map((w) => w.tierNo).join(', ')}`);
  if (stale) parts.push('already deleted: churn applied');
  return `campaign ${campaignId}: ${parts.join('; ')}`;
}
