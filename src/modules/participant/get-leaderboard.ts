// The campaign's leaderboard for the H5 ranking page: the top inviters by valid helps (earlier
// participants first among equals) and the asking participant's own place. Only people with at
// least one valid help are ranked.
import type { Queryable } from '../../db/client.ts';

export const LEADERBOARD_SIZE = 50;

export interface Leaderboard {
  top: Array<{ rank: number; participantId: number; nickname: string; avatar: string | null; validHelps: number }>;
  /** Null while the participant has no valid help. */
  me: { rank: number; validHelps: number } | null;
}

export async function getLeaderboard(q: Queryable, campaignId: number, me: { id: number; validHelps: number }, size = LEADERBOARD_SIZE): Promise<Leaderboard> {
  const top = await q.query<Leaderboard['top'][number]>(
    `SELECT (row_number() OVER (ORDER BY valid_helps DESC, id))::int AS rank, id AS "participantId", nickname, avatar, valid_helps AS "validHelps"
     FROM participants WHERE campaign_id = $1 AND valid_helps > 0
     ORDER BY valid_helps DESC, id LIMIT $2`,
    [campaignId, size],
  );
  if (me.validHelps <= 0) return { top: top.rows, me: null };
  const ahead = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM participants WHERE campaign_id = $1 AND (valid_helps > $2 OR (valid_helps = $2 AND id < $3))`,
    [campaignId, me.validHelps, me.id],
  );
  return { top: top.rows, me: { rank: ahead.rows[0]!.n + 1, validHelps: me.validHelps } };
}
