// The participants page of a campaign (seed 000 §三(二)4①): filters by friend status, tier
// completed, reward status and nickname, newest first or by most helps, in keyset pages.
import type { Queryable } from '../../db/client.ts';
import { loadCampaign } from '../campaign/campaign-row.ts';
import { rewardsOfParticipants, type RewardRow, type RewardStatus } from '../reward/reward-row.ts';
import { decodeCursor, toPage, type Page } from './page-cursor.ts';
import { PARTICIPANT_COLUMNS, toSummary, type ParticipantSummary } from './participant-row.ts';

export const PARTICIPANT_SORTS = ['recent', 'helps'] as const;

export interface ParticipantFilter {
  friendStatus?: 'friend' | 'lost' | undefined;
  /** Only participants who completed this tier (1-based). */
  completedTier?: number | undefined;
  /** 'none': no reward won yet. */
  rewardStatus?: RewardStatus | 'none' | undefined;
  /** Any part of the nickname (any case), or an exact external_userid. The nickname's character
   *  pairs are indexed (migration 0080), so a rare fragment does not read the campaign's rows. */
  search?: string | undefined;
  sort?: (typeof PARTICIPANT_SORTS)[number] | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

// The stored masks (5 tiers → 0..31) in which tier `n`'s bit is set: an indexable equality list.
function masksWithTier(n: number): number[] {
  return Array.from({ length: 32 }, (_, mask) => mask).filter((mask) => mask & (1 << (n - 1)));
}

export interface ParticipantListItem extends ParticipantSummary {
  /** With the prize and the winner's delivery details (claim form), which the participants page shows. */
  rewards: Pick<RewardRow, 'id' | 'tierNo' | 'status' | 'reward' | 'claimForm'>[];
}

export async function listParticipants(q: Queryable, workspaceId: string, campaignId: number, f: ParticipantFilter = {}): Promise<Page<ParticipantListItem>> {
  await loadCampaign(q, workspaceId, campaignId);
  const limit = f.limit ?? 20;
  const byHelps = f.sort === 'helps';
  const after = decodeCursor(f.cursor, byHelps ? 2 : 1);

  const params: unknown[] = [campaignId];
  const param = (v: unknown) => `$${params.push(v)}`;
  const where = ['p.campaign_id = $1'];
  if (f.friendStatus) where.push(`p.friend_status = ${param(f.friendStatus)}`);
  if (f.completedTier) where.push(`p.completed_tiers = ANY(${param(masksWithTier(f.completedTier))}::smallint[])`);
  if (f.rewardStatus === 'none') where.push(`NOT EXISTS (SELECT 1 FROM rewards r WHERE r.participant_id = p.id)`);
  else if (f.rewardStatus) where.push(`EXISTS (SELECT 1 FROM rewards r WHERE r.participant_id = p.id AND r.status = ${param(f.rewardStatus)})`);
  if (f.search) {
    // The grams condition is the index's way in (every pair of the fragment is a pair of the
    // nickname); ILIKE decides. Same expression as the index, so the planner matches it.
    const fragment = param(f.search);
    where.push(`((nickname_grams(p.campaign_id, p.nickname) @> nickname_fragment_grams($1::bigint, ${fragment}::text)
                 AND p.nickname ILIKE ${param(`%${f.search.replace(/[\\%_]/g, '\\$&')}%`)}) OR p.external_userid = ${fragment})`);
  }
  if (after) where.push(byHelps ? `(p.valid_helps, p.id) < (${param(after[0])}, ${param(after[1])})` : `p.id < ${param(after[0])}`);

  const r = await q.query<Parameters<typeof toSummary>[0]>(
    `SELECT ${PARTICIPANT_COLUMNS} FROM participants p WHERE ${where.join(' AND ')}
     ORDER BY ${byHelps ? 'p.valid_helps DESC, p.id DESC' : 'p.id DESC'} LIMIT ${param(limit + 1)}`,
    params,
  );
  const page = toPage(r.rows.map(toSummary), limit, (p) => (byHelps ? [p.validHelps, p.id] : [p.id]));
  const rewards = await rewardsOfParticipants(q, campaignId, page.items.map((p) => p.id));
  return {
    ...page,
    items: page.items.map((p) => ({
      ...p,
      rewards: rewards.filter((rw) => rw.participantId === p.id).map(({ id, tierNo, status, reward, claimForm }) => ({ id, tierNo, status, reward, claimForm })),
    })),
  };
}
