// The campaign's leaderboard as a participant sees it: the top helpers' nicknames and counts, and
// their own place (1 + how many have more valid helps; equal counts share a place). People without
// a valid help are not ranked. Uses the participants_by_helps index.
import type { Queryable } from '../../db/client.ts';
import type { FlowParticipant } from './flow-participant.ts';

export const RANKING_SIZE = 50;

export interface Ranking {
  top: Array<{ rank: number; nickname: string; avatar: string | null; validHelps: number; isMe: boolean }>;
  me: { rank: number; validHelps: number } | null;
}

export async function getMyRanking(q: Queryable, me: FlowParticipant): Promise<Ranking> {
  const top = await q.query<{ id: number; nickname: string; avatar: string | null; validHelps: number }>(
    `SELECT id, nickname, avatar, valid_helps AS "validHelps" FROM participants
     WHERE campaign_id = $1 AND valid_helps > 0 ORDER BY valid_helps DESC, id DESC LIMIT $2`,
    [me.campaignId, RANKING_SIZE],
  );
  const above = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM participants WHERE campaign_id = $1 AND valid_helps > $2`, [me.campaignId, me.validHelps]);
  let rank = 0;
  let previous = -1;
  const rows = top.rows.map((r, i) => {
    if (r.validHelps !== previous) rank = i + 1;
    previous = r.validHelps;
    return { rank, nickname: r.nickname, avatar: r.avatar, validHelps: r.validHelps, isMe: r.id === me.id };
  });
  return { top: rows, me: me.validHelps > 0 ? { rank: above.rows[0]!.n + 1, validHelps: me.validHelps } : null };
}
