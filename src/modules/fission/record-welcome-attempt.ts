// Records the one welcome attempt an add event gets and enqueues its sending: send_welcome_msg with
// the event's WelcomeCode (its own fast queue; key = the code, so one send per code), or straight to
// the group-send fallback when the event carried no code (the staff member has a console welcome,
// or the customer is a WeCom user). Run inside the add's transaction.
import type { Queryable } from '../../db/client.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { SendWelcomeFallbackJob, SendWelcomeJob } from '../../jobs/fission/definitions.ts';
import type { WelcomeContent, WelcomeKind } from './welcome-content.ts';

export interface NewWelcomeAttempt {
  workspaceId: string;
  campaignId: number;
  inboxId: string;
  participantId: number | null;
  externalUserId: string;
  staffUserId: string;
  kind: WelcomeKind;
  welcomeCode: string | null;
  content: WelcomeContent | null;
  /** Why nothing is sent (content is then ignored). */
  skipReason?: string | undefined;
}

export async function recordWelcomeAttempt(tx: Queryable, jobs: JobQueue, a: NewWelcomeAttempt): Promise<number | null> {
  const [status, reason] = a.skipReason || !a.content
    ? ['skipped', a.skipReason ?? 'nothing to send']
    : a.welcomeCode ? ['pending', null] : ['fallback_queued', 'the add event carried no WelcomeCode'];
  const r = await tx.query<{ id: number }>(
    `INSERT INTO welcome_attempts (workspace_id, campaign_id, inbox_id, participant_id, external_userid, staff_userid, kind, welcome_code, content, status, status_reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (workspace_id, inbox_id) DO NOTHING RETURNING id`,
    [a.workspaceId, a.campaignId, a.inboxId, a.participantId, a.externalUserId, a.staffUserId, a.kind, a.welcomeCode,
      status === 'skipped' ? null : JSON.stringify(a.content), status, reason],
  );
  const id = r.rows[0]?.id;
  if (id === undefined) return null;
  if (status === 'pending') await jobs.send(SendWelcomeJob, { workspaceId: a.workspaceId, attemptId: id }, { tx, key: `code:${a.welcomeCode}` });
  if (status === 'fallback_queued') await jobs.send(SendWelcomeFallbackJob, { workspaceId: a.workspaceId, attemptId: id }, { tx, key: `attempt:${id}` });
  return id;
}
