// Queries of the inbox table.
import type { Queryable } from '../../db/client.ts';
import type { InboxItem, InboxStatus } from './inbox-item.ts';

const COLUMNS = `id, workspace_id AS "workspaceId", source, event_type AS "eventType", payload AS event, raw_xml AS "rawXml",
  received_at AS "receivedAt", status, attempts`;

export async function findInboxItem(q: Queryable, workspaceId: string, id: string): Promise<InboxItem | null> {
  const r = await q.query<InboxItem>(`SELECT ${COLUMNS} FROM inbox WHERE workspace_id = $1 AND id = $2`, [workspaceId, id]);
  return r.rows[0] ?? null;
}

export interface InboxRowView extends Omit<InboxItem, 'event'> {
  dedupeKey: string;
  payload: unknown;
  statusReason: string | null;
  processedAt: Date | null;
}

/** Rows of a workspace, newest first (operators' view and tests). */
export async function listInbox(q: Queryable, workspaceId: string, opts: { status?: InboxStatus; limit?: number } = {}): Promise<InboxRowView[]> {
  const r = await q.query<InboxRowView>(
    `SELECT id, workspace_id AS "workspaceId", source, event_type AS "eventType", dedupe_key AS "dedupeKey", payload, raw_xml AS "rawXml",
            received_at AS "receivedAt", status, status_reason AS "statusReason", processed_at AS "processedAt", attempts
       FROM inbox WHERE workspace_id = $1 AND ($2::text IS NULL OR status = $2)
      ORDER BY received_at DESC, id LIMIT $3`,
    [workspaceId, opts.status ?? null, opts.limit ?? 100],
  );
  return r.rows;
}

/** Records a run's outcome; a row already settled (processed/ignored) is left as it is. */
export async function markInboxItem(q: Queryable, workspaceId: string, id: string, status: Exclude<InboxStatus, 'pending'>, reason: string | null): Promise<void> {
  await q.query(
    `UPDATE inbox SET status = $3, status_reason = $4, attempts = attempts + 1,
            processed_at = CASE WHEN $3 IN ('processed', 'ignored') THEN now() ELSE processed_at END
      WHERE workspace_id = $1 AND id = $2 AND status NOT IN ('processed', 'ignored')`,
    [workspaceId, id, status, reason],
  );
}
