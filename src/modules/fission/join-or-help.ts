// The core of both add paths (seed 000 §一): someone arrives in a running campaign — through the
// campaign's code (no inviter) or an inviter's help code — and, in one transaction under the
// customer lock:
//   1. a help is recorded when there is an inviter, validated by the domain (validateHelp); a
//      valid one adds 1 to the inviter's count atomically, awards the tiers it reaches and, where
//      the workspace's OA has a progress template, has the inviter told (a job per help);
//   2. the person becomes (or stays) a participant if the domain lets them join (validateJoin),
//      with the inviter recorded and level = inviter's level + 1;
//   3. a friend who came through a campaign code is counted in campaign_friends (新加好友).
// Used by the add callback and by returning customers on the H5 page.
import type { Queryable } from '../../db/client.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { NotifyInviterProgressJob } from '../../jobs/fission/definitions.ts';
import { participantLevel } from '../../domain/shared/levels.ts';
import { validateHelp, type HelpVerdict } from '../../domain/task-fission/help-validation.ts';
import { validateJoin, type JoinVerdict } from '../../domain/task-fission/join-validation.ts';
import type { CampaignView } from '../campaign/campaign-view.ts';
import { lockParticipants } from '../participant/lock-participants.ts';
import { saveParticipantProgress } from '../participant/save-participant-progress.ts';
import type { RewardRow } from '../reward/reward-row.ts';
import { hasOfficialAccount } from '../oa-users/oa-client.ts';
import { getWorkspace } from '../workspace/workspace-row.ts';
import { awardReachedTiers } from './award-reached-tiers.ts';
import type { CustomerProfile } from './customer-profile.ts';
import { findParticipant, type FlowParticipant } from './flow-participant.ts';

export interface JoinOrHelpInput {
  workspaceId: string;
  campaign: CampaignView;
  /** The participant whose help code was used; null for the campaign's own code. */
  inviter: FlowParticipant | null;
  profile: CustomerProfile;
  /** The pool staff member they are a friend of. */
  staffUserId: string;
  wasCustomerBefore: boolean;
  /** They just added the staff through one of the campaign's codes (not a returning friend). */
  newFriendship: boolean;
  at: Date;
}

export interface JoinOrHelpResult {
  participant: FlowParticipant | null;
  participantCreated: boolean;
  join: JoinVerdict;
  help: { id: number; verdict: HelpVerdict; inviterCount: number } | null;
  rewards: RewardRow[];
}

/** Run inside a transaction holding lockCustomer for the person. */
export async function joinOrHelp(tx: Queryable, jobs: JobQueue, input: JoinOrHelpInput): Promise<JoinOrHelpResult> {
  const { campaign, inviter, profile } = input;
  const ext = profile.externalUserId;
  const existing = await findParticipant(tx, campaign.id, { externalUserId: ext });
  // The rows this may change (the inviter's count, the person's own row), in id order before any
  // is touched: see lock-participants.ts.
  await lockParticipants(tx, campaign.id, [inviter?.id, existing?.id]);
  const facts = await helperFacts(tx, campaign.id, ext, inviter);
  const alreadyParticipated = existing !== null || facts.used > 0;

  const join = validateJoin(campaign.config.rules.genderFilter, { status: campaign.status, stockLeft: campaign.stockLeft, gender: profile.gender, alreadyParticipated });
  const help = inviter ? await recordHelp(tx, jobs, input, inviter, facts, alreadyParticipated) : null;
  const rewards = help?.rewards ?? [];

  let participant = existing;
  let participantCreated = false;
  if (existing) {
    participant = await refreshParticipant(tx, existing.id, input);
  } else if (join.valid) {
    participant = await insertParticipant(tx, input);
    participantCreated = true;
  }
  if (help && participant) {
    await tx.query(`UPDATE helps SET helper_participant_id = $2 WHERE id = $1`, [help.id, participant.id]);
  }
  if (input.newFriendship) await recordFriend(tx, input);
  return { participant, participantCreated, join, help: help && { id: help.id, verdict: help.verdict, inviterCount: help.inviterCount }, rewards };
}

interface HelperFacts {
  /** Helps given in this campaign, revoked ones included. */
  used: number;
  helpedInviter: boolean;
  inviterHelpedHelper: boolean;
}

async function helperFacts(tx: Queryable, campaignId: number, ext: string, inviter: FlowParticipant | null): Promise<HelperFacts> {
  const r = await tx.query<HelperFacts>(
    `SELECT count(*) FILTER (WHERE h.status <> 'invalid')::int AS used,
            coalesce(bool_or(h.inviter_id = $3 AND h.status <> 'invalid'), false) AS "helpedInviter",
            EXISTS (SELECT 1 FROM helps x JOIN participants me ON me.campaign_id = x.campaign_id AND me.id = x.inviter_id
                     WHERE x.campaign_id = $1 AND me.external_userid = $2 AND x.helper_external_userid = $4 AND x.status <> 'invalid') AS "inviterHelpedHelper"
       FROM helps h WHERE h.campaign_id = $1 AND h.helper_external_userid = $2`,
    [campaignId, ext, inviter?.id ?? 0, inviter?.externalUserId ?? ''],
  );
  return r.rows[0]!;
}

async function recordHelp(
  tx: Queryable, jobs: JobQueue, input: JoinOrHelpInput, inviter: FlowParticipant, facts: HelperFacts, alreadyParticipated: boolean,
): Promise<{ id: number; verdict: HelpVerdict; inviterCount: number; rewards: RewardRow[] }> {
  const { campaign, profile } = input;
  // The inviter's row is locked (joinOrHelp, FOR NO KEY UPDATE) before a help references it: two
  // helpers holding the help's foreign-key share lock while both waiting to update the count would
  // deadlock. Helpers of one inviter queue there instead; NO KEY UPDATE conflicts with itself.
  let verdict = validateHelp(campaign.config.rules, {
    status: campaign.status,
    stockLeft: campaign.stockLeft,
    inviterId: inviter.externalUserId,
    helperId: profile.externalUserId,
    helperAlreadyHelpedInviter: facts.helpedInviter,
    helpsUsedByHelper: facts.used,
    inviterHelpedHelper: facts.inviterHelpedHelper,
    helperGender: profile.gender,
    helperAlreadyParticipated: alreadyParticipated,
    helperWasCustomerBefore: input.wasCustomerBefore,
  });
  const insert = (status: 'valid' | 'invalid', reason: string | null) => tx.query<{ id: number }>(
    `INSERT INTO helps (workspace_id, campaign_id, inviter_id, helper_external_userid, helper_nickname, helper_avatar, staff_userid, status, invalid_reason, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING RETURNING id`,
    [input.workspaceId, campaign.id, inviter.id, profile.externalUserId, profile.nickname, profile.avatar, input.staffUserId, status, reason, input.at],
  );
  if (verdict.valid) {
    const row = (await insert('valid', null)).rows[0];
    if (row) {
      const counted = await tx.query<{ validHelps: number }>(
        `UPDATE participants SET valid_helps = valid_helps + 1, updated_at = now() WHERE campaign_id = $1 AND id = $2 RETURNING valid_helps AS "validHelps"`,
        [campaign.id, inviter.id],
      );
      const count = counted.rows[0]!.validHelps;
      await saveParticipantProgress(tx, inviter.id, count, input.at);
      const rewards = await awardReachedTiers(tx, jobs, { workspaceId: input.workspaceId, campaignId: campaign.id, participantId: inviter.id, count, tiers: campaign.tiers });
      await notifyInviter(tx, jobs, input.workspaceId, { helpId: row.id, count, reachedTierNos: rewards.map((w) => w.tierNo) });
      return { id: row.id, verdict, inviterCount: count, rewards };
    }
    // The pair already has a help (only possible without the customer lock): it is the same help.
    verdict = { valid: false, reason: 'already_helped' };
  }
  const reason = (verdict as { reason: string }).reason;
  await insert('invalid', reason);
  const found = await tx.query<{ id: number }>(
    `SELECT id FROM helps WHERE campaign_id = $1 AND inviter_id = $2 AND helper_external_userid = $3 AND invalid_reason = $4`,
    [campaign.id, inviter.id, profile.externalUserId, reason],
  );
  const count = await tx.query<{ validHelps: number }>(`SELECT valid_helps AS "validHelps" FROM participants WHERE id = $1`, [inviter.id]);
  return { id: found.rows[0]!.id, verdict, inviterCount: count.rows[0]!.validHelps, rewards: [] };
}

/** Where the workspace's OA has a progress template, the inviter hears of the help from it (one job per help). */
async function notifyInviter(tx: Queryable, jobs: JobQueue, workspaceId: string, p: { helpId: number; count: number; reachedTierNos: number[] }): Promise<void> {
  const ws = await getWorkspace(tx, { id: workspaceId });
  if (!hasOfficialAccount(ws) || !ws.oaProgressTemplateId) return;
  await jobs.send(NotifyInviterProgressJob, { workspaceId, ...p }, { tx, key: `help:${p.helpId}` });
}

async function insertParticipant(tx: Queryable, input: JoinOrHelpInput): Promise<FlowParticipant> {
  const { campaign, inviter, profile } = input;
  // An inviter scanning their own help code is not their own invitee.
  const via = inviter && inviter.externalUserId !== profile.externalUserId ? inviter : null;
  const isNew = await friendIsNew(tx, campaign.id, profile.externalUserId, !input.wasCustomerBefore);
  await tx.query(
    `INSERT INTO participants (workspace_id, campaign_id, external_userid, unionid, nickname, avatar, gender, staff_userid, inviter_id, level, is_new_customer, joined_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [input.workspaceId, campaign.id, profile.externalUserId, profile.unionid, profile.nickname, profile.avatar, profile.gender, input.staffUserId,
      via?.id ?? null, participantLevel(via?.level ?? null), isNew, input.at],
  );
  return (await findParticipant(tx, campaign.id, { externalUserId: profile.externalUserId }))!;
}

async function refreshParticipant(tx: Queryable, id: number, input: JoinOrHelpInput): Promise<FlowParticipant> {
  const { profile } = input;
  await tx.query(
    // A profile WeCom could not give (the customer already left again) keeps what we knew.
    `UPDATE participants SET nickname = coalesce(nullif($2::text, ''), nickname), avatar = coalesce($3::text, avatar), unionid = coalesce($4::text, unionid),
       gender = CASE WHEN $5::text = 'unknown' THEN gender ELSE $5::text END,
       friend_status = CASE WHEN $7 THEN 'friend' ELSE friend_status END, staff_userid = CASE WHEN $7 THEN $6 ELSE staff_userid END, updated_at = now()
     WHERE id = $1`,
    [id, profile.nickname, profile.avatar, profile.unionid, profile.gender, input.staffUserId, input.newFriendship],
  );
  return (await findParticipant(tx, input.campaign.id, { id }))!;
}

/** Whether the campaign counts them as a new customer: as first recorded, else as now judged. */
async function friendIsNew(tx: Queryable, campaignId: number, ext: string, judged: boolean): Promise<boolean> {
  const r = await tx.query<{ isNew: boolean }>(`SELECT is_new_customer AS "isNew" FROM campaign_friends WHERE campaign_id = $1 AND external_userid = $2`, [campaignId, ext]);
  return r.rows[0]?.isNew ?? judged;
}

// A re-add (after deleting the staff) makes them a friend again; whether they were new is kept from the first add.
async function recordFriend(tx: Queryable, input: JoinOrHelpInput): Promise<void> {
  await tx.query(
    `INSERT INTO campaign_friends (workspace_id, campaign_id, external_userid, staff_userid, is_new_customer, added_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (campaign_id, external_userid) DO UPDATE SET staff_userid = EXCLUDED.staff_userid, lost_at = NULL`,
    [input.workspaceId, input.campaign.id, input.profile.externalUserId, input.staffUserId, !input.wasCustomerBefore, input.at],
  );
}
