// The one way to change a participant's progress count: it rewrites the derived standing (completed
// tiers, funnel bucket, first completion time) in the same statement, so the row — and the counters
// its trigger keeps — always agree with the domain rules. Call it after a help is counted or
// revoked, and after a tier is won.
import type { Queryable } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import { participantStanding, type Standing } from './participant-standing.ts';

export interface Progress extends Standing {
  validHelps: number;
  completedAt: Date | null;
}

export async function saveParticipantProgress(tx: Queryable, participantId: number, validHelps: number, at = new Date()): Promise<Progress> {
  if (!Number.isSafeInteger(validHelps) || validHelps < 0) throw new RangeError(`a help count is a non-negative integer, got ${validHelps}`);
  const r = await tx.query<{ targets: number[]; won: number[] }>(
    `SELECT array(SELECT target FROM campaign_tiers t WHERE t.campaign_id = p.campaign_id ORDER BY tier_no) AS targets,
            array(SELECT tier_no FROM rewards r WHERE r.participant_id = p.id) AS won
     FROM participants p WHERE p.id = $1 FOR NO KEY UPDATE`,
    [participantId],
  );
  const row = r.rows[0];
  if (!row) throw notFound(`participant ${participantId}`);
  const standing = participantStanding(row.targets.map((target) => ({ target })), validHelps, row.won);
  const saved = await tx.query<{ completedAt: Date | null }>(
    `UPDATE participants SET valid_helps = $2, completed_tiers = $3::smallint, funnel = $4,
       completed_at = CASE WHEN $3::smallint & 1 = 1 THEN coalesce(completed_at, $5) ELSE completed_at END, updated_at = now()
     WHERE id = $1 RETURNING completed_at AS "completedAt"`,
    [participantId, validHelps, standing.completedTiers, standing.funnel, at],
  );
  return { validHelps, ...standing, completedAt: saved.rows[0]!.completedAt };
}
