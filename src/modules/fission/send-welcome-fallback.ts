// When the welcome code could not be used, the only other way WeCom offers to reach a customer is
// the group-send task (add_msg_template, reference §3.6): the staff member confirms it in their
// WeCom client, and each customer receives at most one group-send a day. That day's one send is
// claimed in customer_mass_sends first; a customer who already had theirs is not sent another.
import { WeChatApiError } from '../../wechat/core/api-error.ts';
import { shanghaiDay } from '../campaign/shanghai-day.ts';
import { getWorkspace } from '../workspace/workspace-row.ts';
import type { FlowDeps } from './record-contact-added.ts';
import { loadWelcomeAttempt, setWelcomeStatus } from './welcome-attempt-row.ts';
import { welcomeMessage } from './welcome-content.ts';
import { wecomContactClient } from './wecom-clients.ts';

export async function sendWelcomeFallback(
  deps: FlowDeps, p: { workspaceId: string; attemptId: number }, attempt: { retryCount: number; retryLimit: number }, now = new Date(),
): Promise<void> {
  const { db } = deps;
  const a = await loadWelcomeAttempt(db, p.workspaceId, p.attemptId);
  if (!a || a.status !== 'fallback_queued' || !a.content) return;
  const day = shanghaiDay(now);
  const slot = await db.query<{ attemptId: number | null }>(
    `WITH claim AS (
       INSERT INTO customer_mass_sends (workspace_id, external_userid, day, welcome_attempt_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING welcome_attempt_id)
     SELECT welcome_attempt_id AS "attemptId" FROM claim
     UNION ALL SELECT welcome_attempt_id FROM customer_mass_sends WHERE workspace_id = $1 AND external_userid = $2 AND day = $3 AND NOT EXISTS (SELECT 1 FROM claim)`,
    [a.workspaceId, a.externalUserId, day, a.id],
  );
  if (slot.rows[0]?.attemptId !== a.id) {
    await setWelcomeStatus(db, a.id, 'fallback_queued', 'fallback_limited', `the customer already has a group-send on ${day} (WeCom allows one a day)`);
    return;
  }
  const release = () => db.query(`DELETE FROM customer_mass_sends WHERE workspace_id = $1 AND external_userid = $2 AND day = $3 AND welcome_attempt_id = $4`, [a.workspaceId, a.externalUserId, day, a.id]);

  const ws = await getWorkspace(db, { id: p.workspaceId });
  let msgid: string;
  try {
    const r = await wecomContactClient(db, deps.config, ws).addMsgTemplate({ chat_type: 'single', external_userid: [a.externalUserId], sender: a.staffUserId, ...welcomeMessage(a.content) });
    if (r.fail_list?.includes(a.externalUserId)) {
      await release();
      await setWelcomeStatus(db, a.id, 'fallback_queued', 'failed', `group-send refused: ${a.externalUserId} is not a customer of ${a.staffUserId} any more`);
      return;
    }
    msgid = r.msgid;
  } catch (err) {
    await release();
    if (attempt.retryCount < attempt.retryLimit) throw err;
    const why = err instanceof WeChatApiError ? `${err.errcode ?? 'transport'} ${err.errmsg}` : String(err);
    await setWelcomeStatus(db, a.id, 'fallback_queued', 'failed', `add_msg_template failed: ${why}`.slice(0, 500));
    return;
  }
  await db.query(`UPDATE customer_mass_sends SET msgid = $5 WHERE workspace_id = $1 AND external_userid = $2 AND day = $3 AND welcome_attempt_id = $4`, [a.workspaceId, a.externalUserId, day, a.id, msgid]);
  await setWelcomeStatus(db, a.id, 'fallback_queued', 'fallback_created', null, msgid);
}
