// Rewards of one campaign for the prize-sending screen (and its export): newest first, by status
// and tier, with the winner and the delivery address.
import type { Queryable } from '../../db/client.ts';
import { decodeCursor, toPage, type Page } from '../participant/page-cursor.ts';
import { REWARD_COLUMNS, type RewardRow, type RewardStatus } from './reward-row.ts';

export interface RewardListFilter {
  status?: RewardStatus | undefined;
  tierNo?: number | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

export interface RewardListItem extends RewardRow {
  participant: { externalUserId: string; nickname: string; avatar: string | null };
}

export async function listRewards(q: Queryable, campaignId: number, f: RewardListFilter): Promise<Page<RewardListItem>> {
  const limit = f.limit ?? 20;
  const after = decodeCursor(f.cursor, 1);
  const r = await q.query<RewardRow & { externalUserId: string; nickname: string; avatar: string | null }>(
    `SELECT ${REWARD_COLUMNS}, p.external_userid AS "externalUserId", p.nickname, p.avatar
     FROM rewards r JOIN participants p ON p.campaign_id = r.campaign_id AND p.id = r.participant_id
     WHERE r.campaign_id = $1 AND ($2::text IS NULL OR r.status = $2) AND ($3::int IS NULL OR r.tier_no = $3)
       AND ($4::bigint IS NULL OR r.id < $4)
     ORDER BY r.id DESC LIMIT $5`,
    [campaignId, f.status ?? null, f.tierNo ?? null, after?.[0] ?? null, limit + 1],
  );
  const rows = r.rows.map(({ externalUserId, nickname, avatar, ...reward }) => ({ ...reward, participant: { externalUserId, nickname, avatar } }));
  return toPage(rows, limit, (row) => [row.id]);
}
