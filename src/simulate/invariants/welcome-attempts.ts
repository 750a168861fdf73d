// Every add event got exactly one welcome attempt: each add_external_contact callback of this
// campaign that the inbox processed has one welcome_attempts row, no attempt points elsewhere, and
// none still open (pending, fallback queued) is without a job that will move it on — a retry its
// back-off scheduled later is fine, an orphan is not. Likewise every callback is handled, or
// failed with its retry still to come.
import type { Queryable } from '../../db/client.ts';
import { parseContactWayState } from '../../domain/shared/contact-way-state.ts';
import { SendWelcomeFallbackJob, SendWelcomeJob } from '../../jobs/fission/definitions.ts';
import { InboxProcessJob } from '../../modules/inbox/inbox-job.ts';
import { violationsOf, type Violation } from './invariant-types.ts';

export const WELCOME_ONCE = 'one_welcome_attempt_per_add_event';
export const CALLBACKS_HANDLED = 'every_callback_handled';

interface AddRow {
  id: string;
  status: string;
  state: string | null;
  attempts: number;
  unsettled: number;
}

/** Welcome jobs (send, fallback) not finished, by attempt id; none when the queue was never started. */
const OPEN_WELCOME_JOB = `EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name IN ('${SendWelcomeJob.name}', '${SendWelcomeFallbackJob.name}')
  AND j.state IN ('created', 'retry', 'active') AND (j.data->>'attemptId')::bigint = w.id)`;

export async function checkWelcomeAttempts(q: Queryable, workspaceId: string, campaignId: number): Promise<Violation[]> {
  const queue = (await q.query<{ exists: boolean }>(`SELECT to_regclass('pgboss.job') IS NOT NULL AS exists`)).rows[0]!.exists;
  const rows = (await q.query<AddRow>(
    `SELECT i.id, i.status, i.payload->>'state' AS state,
            count(w.id)::int AS attempts,
            count(w.id) FILTER (WHERE w.status IN ('pending', 'fallback_queued') AND NOT ${queue ? OPEN_WELCOME_JOB : 'false'})::int AS unsettled
       FROM inbox i LEFT JOIN welcome_attempts w ON w.workspace_id = i.workspace_id AND w.inbox_id = i.id
      WHERE i.workspace_id = $1 AND i.source = 'wecom' AND i.event_type = 'change_external_contact'
        AND i.payload->>'changeType' = 'add_external_contact'
      GROUP BY i.workspace_id, i.id`, [workspaceId])).rows.filter((r) => parseContactWayState(r.state)?.campaignId === campaignId);
  const out: string[] = [];
  for (const r of rows) {
    if (r.status === 'processed' && r.attempts !== 1) out.push(`add event ${r.id}: ${r.attempts} welcome attempts`);
    if (r.status !== 'processed' && r.attempts > 0) out.push(`add event ${r.id} is ${r.status} but has ${r.attempts} welcome attempt(s)`);
    if (r.unsettled) out.push(`add event ${r.id}: its welcome attempt is open with no job to move it on`);
  }
  const strays = (await q.query<{ id: number; inboxId: string }>(
    `SELECT w.id, w.inbox_id AS "inboxId" FROM welcome_attempts w
      WHERE w.campaign_id = $1 AND NOT EXISTS (SELECT 1 FROM inbox i WHERE i.workspace_id = w.workspace_id AND i.id = w.inbox_id)`, [campaignId])).rows;
  for (const s of strays) out.push(`welcome attempt ${s.id} names inbox row ${s.inboxId}, which does not exist`);
  return violationsOf(WELCOME_ONCE, out);
}

/** Open inbox.process jobs by inbox id. */
const OPEN_INBOX_JOB = `EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = '${InboxProcessJob.name}'
  AND j.state IN ('created', 'retry', 'active') AND (j.data->>'inboxId')::uuid = i.id)`;

export async function checkCallbacksHandled(q: Queryable, workspaceId: string): Promise<Violation[]> {
  const queue = (await q.query<{ exists: boolean }>(`SELECT to_regclass('pgboss.job') IS NOT NULL AS exists`)).rows[0]!.exists;
  const r = await q.query<{ id: string; eventType: string; status: string; reason: string | null; total: number }>(
    `SELECT i.id, i.event_type AS "eventType", i.status, i.status_reason AS reason, count(*) OVER ()::int AS total
       FROM inbox i WHERE i.workspace_id = $1 AND i.status IN ('pending', 'failed') AND NOT ${queue ? OPEN_INBOX_JOB : 'false'}
      ORDER BY i.received_at LIMIT 10`, [workspaceId]);
  return violationsOf(CALLBACKS_HANDLED, r.rows.map((x) => `inbox ${x.id} (${x.eventType}) is ${x.status}${x.reason ? `: ${x.reason}` : ''}`), r.rows[0]?.total ?? 0);
}
