// Persists one accepted callback and enqueues its processing in the same transaction. A
// re-delivery (same dedupe key) stores nothing and enqueues nothing.
import type { Db } from '../../db/client.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { identifyEvent } from './event-identity.ts';
import { InboxProcessJob } from './inbox-job.ts';
import type { InboxPayloads, InboxSource } from './inbox-item.ts';

export interface NewInboxEvent<S extends InboxSource> {
  workspaceId: string;
  source: S;
  event: InboxPayloads[S];
  rawXml: string;
}

export interface RecordedInboxEvent {
  /** The new row, or null for a duplicate. */
  id: string | null;
  duplicate: boolean;
  eventType: string;
}

export async function recordInboxEvent<S extends InboxSource>(db: Db, jobs: JobQueue, e: NewInboxEvent<S>): Promise<RecordedInboxEvent> {
  const { eventType, dedupeKey } = identifyEvent(e.source, e.event);
  return db.transaction(async (tx) => {
    const r = await tx.query<{ id: string }>(
      `INSERT INTO inbox (workspace_id, source, dedupe_key, event_type, payload, raw_xml)
       VALUES ($1, $2, $3, $4, $5::text::jsonb, $6)
       ON CONFLICT (workspace_id, source, dedupe_key) DO NOTHING
       RETURNING id`,
      [e.workspaceId, e.source, dedupeKey, eventType, JSON.stringify(e.event), e.rawXml],
      { prepare: true }, // once per callback: the hot path of the intake
    );
    const id = r.rows[0]?.id;
    if (!id) return { id: null, duplicate: true, eventType };
    await jobs.send(InboxProcessJob, { workspaceId: e.workspaceId, inboxId: id }, { tx, key: id });
    return { id, duplicate: false, eventType };
  });
}
