// The `inbox.process` job: loads the row, runs the handlers registered for its event type, and
// records the outcome. A row already processed or ignored is not run again.
import { inboxHandlersFor, type InboxOutcome } from './handlers.ts';
import type { InboxDeps } from './inbox-item.ts';
import { findInboxItem, markInboxItem } from './inbox-rows.ts';

export type ProcessResult = InboxOutcome | { status: 'skipped'; reason: string };

const MAX_REASON = 1000;

export async function processInboxEvent(deps: InboxDeps, p: { workspaceId: string; inboxId: string }): Promise<ProcessResult> {
  const item = await findInboxItem(deps.db, p.workspaceId, p.inboxId);
  if (!item) return { status: 'skipped', reason: 'inbox row not found' };
  if (item.status === 'processed' || item.status === 'ignored') return { status: 'skipped', reason: `already ${item.status}` };

  const handlers = inboxHandlersFor(item.source, item.eventType);
  if (!handlers.length) {
    const reason = `no handler for ${item.source} event ${item.eventType}`;
    await markInboxItem(deps.db, item.workspaceId, item.id, 'ignored', reason);
    return { status: 'ignored', reason };
  }

  const outcomes: InboxOutcome[] = [];
  try {
    for (const h of handlers) outcomes.push((await h(item, deps)) ?? { status: 'processed' });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await markInboxItem(deps.db, item.workspaceId, item.id, 'failed', message.slice(0, MAX_REASON));
    throw err;
  }
  // Processed when any handler acted on it; ignored (with every reason) when none did.
  const acted = outcomes.filter((o) => o.status === 'processed');
  const pick = acted.length ? acted : outcomes;
  const reason = pick.map((o) => o.reason).filter(Boolean).join('; ').slice(0, MAX_REASON) || undefined;
  const result: InboxOutcome = acted.length ? { status: 'processed', ...(reason ? { reason } : {}) } : { status: 'ignored', reason: reason ?? 'ignored' };
  await markInboxItem(deps.db, item.workspaceId, item.id, result.status, result.reason ?? null);
  return result;
}
