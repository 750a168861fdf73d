// The welcome job: send_welcome_msg with the add event's code (reference §3.4: valid 20 s, usable
// once). A code WeCom will not take (41049 missing, 41050 invalid or expired, 41051 already used or
// the customer already chatted) cannot be retried: the attempt falls back to a staff-confirmed
// group-send. Other failures are retried by the job; the last one falls back too.
import { SendWelcomeFallbackJob } from '../../jobs/fission/definitions.ts';
import { WeChatApiError } from '../../wechat/core/api-error.ts';
import { getWorkspace } from '../workspace/workspace-row.ts';
import type { FlowDeps } from './record-contact-added.ts';
import { loadWelcomeAttempt, setWelcomeStatus } from './welcome-attempt-row.ts';
import { welcomeMessage } from './welcome-content.ts';
import { wecomContactClient } from './wecom-clients.ts';

const CODE_UNUSABLE = new Set([41049, 41050, 41051]);

export async function sendWelcome(deps: FlowDeps, p: { workspaceId: string; attemptId: number }, attempt: { retryCount: number; retryLimit: number }): Promise<void> {
  const a = await loadWelcomeAttempt(deps.db, p.workspaceId, p.attemptId);
  if (!a || a.status !== 'pending' || !a.content || !a.welcomeCode) return;
  const ws = await getWorkspace(deps.db, { id: p.workspaceId });
  try {
    await wecomContactClient(deps.db, deps.config, ws).sendWelcomeMsg({ welcome_code: a.welcomeCode, ...welcomeMessage(a.content) });
  } catch (err) {
    const unusable = err instanceof WeChatApiError && err.errcode !== null && CODE_UNUSABLE.has(err.errcode);
    if (!unusable && attempt.retryCount < attempt.retryLimit) throw err;
    const reason = err instanceof WeChatApiError ? `send_welcome_msg failed: ${err.errcode ?? 'transport'} ${err.errmsg}` : String(err);
    await deps.db.transaction(async (tx) => {
      if (await setWelcomeStatus(tx, a.id, 'pending', 'fallback_queued', reason.slice(0, 500))) {
        await deps.jobs.send(SendWelcomeFallbackJob, { workspaceId: p.workspaceId, attemptId: a.id }, { tx, key: `attempt:${a.id}` });
      }
    });
    return;
  }
  await setWelcomeStatus(deps.db, a.id, 'pending', 'sent', null);
}
