// One participant (seed 000 §三(二)4③): who they are, the chain of inviters above them (人脉层级),
// how many they brought in, their helpers and their rewards.
import type { Queryable } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import type { InvalidHelpReason } from '../../domain/task-fission/help-validation.ts';
import { loadCampaign } from '../campaign/campaign-row.ts';
import { rewardsOfParticipants, type RewardRow } from '../reward/reward-row.ts';
import { PARTICIPANT_COLUMNS, toSummary, type ParticipantSummary } from './participant-row.ts';

/** Inviters shown above a participant; chains run "十几层" deep, so this is generous. */
export const INVITER_CHAIN_MAX = 100;
export const RECENT_HELPS_MAX = 100;
/** The tree below a participant: this many levels of invitees, at most this many people. */
export const DOWNLINE_DEPTH = 3;
export const DOWNLINE_MAX = 150;

export interface HelpItem {
  id: number;
  helperExternalUserId: string;
  helperParticipantId: number | null;
  helperNickname: string;
  helperAvatar: string | null;
  status: 'valid' | 'invalid' | 'revoked';
  invalidReason: InvalidHelpReason | null;
  createdAt: Date;
  revokedAt: Date | null;
}

export interface ParticipantDetail extends ParticipantSummary {
  /** Nearest inviter first, up to the level-1 participant (or INVITER_CHAIN_MAX entries). */
  inviterChain: { id: number; nickname: string; avatar: string | null; level: number }[];
  invitees: number;
  /** The people they brought in, and theirs, DOWNLINE_DEPTH levels deep, level by level. */
  downline: { id: number; inviterId: number; nickname: string; level: number; validHelps: number }[];
  /** More people below than `downline` holds (DOWNLINE_MAX reached). */
  downlineTruncated: boolean;
  helps: { valid: number; revoked: number; invalid: number; recent: HelpItem[] };
  rewards: RewardRow[];
}

export async function getParticipant(q: Queryable, workspaceId: string, campaignId: number, participantId: number): Promise<ParticipantDetail> {
  await loadCampaign(q, workspaceId, campaignId);
  const r = await q.query<Parameters<typeof toSummary>[0]>(`SELECT ${PARTICIPANT_COLUMNS} FROM participants p WHERE p.campaign_id = $1 AND p.id = $2`, [campaignId, participantId]);
  const row = r.rows[0];
  if (!row) throw notFound(`participant ${participantId}`);

  const chain = await q.query<ParticipantDetail['inviterChain'][number]>(
    `WITH RECURSIVE chain AS (
       SELECT id, inviter_id, nickname, avatar, level, 1 AS depth FROM participants WHERE campaign_id = $1 AND id = $2
       UNION ALL
       SELECT p.id, p.inviter_id, p.nickname, p.avatar, p.level, chain.depth + 1
       FROM chain JOIN participants p ON p.campaign_id = $1 AND p.id = chain.inviter_id
       WHERE chain.depth <= $3)
     SELECT id, nickname, avatar, level FROM chain WHERE depth > 1 ORDER BY depth`,
    [campaignId, participantId, INVITER_CHAIN_MAX],
  );
  const invitees = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM participants WHERE campaign_id = $1 AND inviter_id = $2`, [campaignId, participantId]);
  // Without an ORDER BY the recursion yields level by level and stops once the LIMIT is met, so a
  // participant with a huge following costs DOWNLINE_MAX rows, not the whole subtree.
  const downline = await q.query<ParticipantDetail['downline'][number]>(
    `WITH RECURSIVE down AS (
       SELECT id, inviter_id, nickname, level, valid_helps, 1 AS depth FROM participants WHERE campaign_id = $1 AND inviter_id = $2
       UNION ALL
       SELECT p.id, p.inviter_id, p.nickname, p.level, p.valid_helps, down.depth + 1
       FROM down JOIN participants p ON p.campaign_id = $1 AND p.inviter_id = down.id
       WHERE down.depth < $3)
     SELECT id, inviter_id AS "inviterId", nickname, level, valid_helps AS "validHelps" FROM down LIMIT $4`,
    [campaignId, participantId, DOWNLINE_DEPTH, DOWNLINE_MAX + 1],
  );
  const counts = await q.query<{ status: HelpItem['status']; n: number }>(
    `SELECT status, count(*)::int AS n FROM helps WHERE campaign_id = $1 AND inviter_id = $2 GROUP BY status`,
    [campaignId, participantId],
  );
  const recent = await q.query<HelpItem>(
    `SELECT id, helper_external_userid AS "helperExternalUserId", helper_participant_id AS "helperParticipantId",
            helper_nickname AS "helperNickname", helper_avatar AS "helperAvatar", status, invalid_reason AS "invalidReason",
            created_at AS "createdAt", revoked_at AS "revokedAt"
     FROM helps WHERE campaign_id = $1 AND inviter_id = $2 ORDER BY id DESC LIMIT $3`,
    [campaignId, participantId, RECENT_HELPS_MAX],
  );
  const count = (s: HelpItem['status']) => counts.rows.find((c) => c.status === s)?.n ?? 0;
  return {
    ...toSummary(row),
    inviterChain: chain.rows,
    invitees: invitees.rows[0]!.n,
    downline: downline.rows.slice(0, DOWNLINE_MAX),
    downlineTruncated: downline.rows.length > DOWNLINE_MAX,
    helps: { valid: count('valid'), revoked: count('revoked'), invalid: count('invalid'), recent: recent.rows },
    rewards: await rewardsOfParticipants(q, campaignId, [participantId]),
  };
}
