// Queries of welcome_attempts (see migration 0050 for the statuses).
import type { Queryable } from '../../db/client.ts';
import type { WelcomeContent, WelcomeKind } from './welcome-content.ts';

export type WelcomeStatus = 'pending' | 'sent' | 'fallback_queued' | 'fallback_created' | 'fallback_limited' | 'skipped' | 'failed';

export interface WelcomeAttempt {
  id: number;
  workspaceId: string;
  campaignId: number;
  inboxId: string;
  participantId: number | null;
  externalUserId: string;
  staffUserId: string;
  kind: WelcomeKind;
  welcomeCode: string | null;
  content: WelcomeContent | null;
  status: WelcomeStatus;
  statusReason: string | null;
  massSendMsgid: string | null;
  createdAt: Date;
}

export const WELCOME_COLUMNS = `id, workspace_id AS "workspaceId", campaign_id AS "campaignId", inbox_id AS "inboxId", participant_id AS "participantId",
  external_userid AS "externalUserId", staff_userid AS "staffUserId", kind, welcome_code AS "welcomeCode", content, status,
  status_reason AS "statusReason", mass_send_msgid AS "massSendMsgid", created_at AS "createdAt"`;

export async function loadWelcomeAttempt(q: Queryable, workspaceId: string, id: number): Promise<WelcomeAttempt | null> {
  const r = await q.query<WelcomeAttempt>(`SELECT ${WELCOME_COLUMNS} FROM welcome_attempts WHERE workspace_id = $1 AND id = $2`, [workspaceId, id]);
  return r.rows[0] ?? null;
}

/** Moves an attempt on from `from` only (so a replayed job cannot undo a later state); true when it moved. */
export async function setWelcomeStatus(q: Queryable, id: number, from: WelcomeStatus, to: WelcomeStatus, reason: string | null, msgid?: string): Promise<boolean> {
  const r = await q.query(
    `UPDATE welcome_attempts SET status = $3, status_reason = coalesce($4, status_reason), mass_send_msgid = coalesce($5, mass_send_msgid), updated_at = now()
     WHERE id = $1 AND status = $2`,
    [id, from, to, reason, msgid ?? null],
  );
  return r.rowCount === 1;
}

/** Every attempt of a campaign, oldest first (operators, the simulator's checks, tests). */
export async function listWelcomeAttempts(q: Queryable, workspaceId: string, campaignId: number): Promise<WelcomeAttempt[]> {
  const r = await q.query<WelcomeAttempt>(`SELECT ${WELCOME_COLUMNS} FROM welcome_attempts WHERE workspace_id = $1 AND campaign_id = $2 ORDER BY id`, [workspaceId, campaignId]);
  return r.rows;
}
