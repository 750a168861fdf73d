// The last finished reconciliation pass of a workspace (reconcile-contact-ways.ts), or null before
// the first one.
import type { Queryable } from '../../db/client.ts';

export interface ContactWayReconcile {
  lastStartedAt: Date;
  lastFinishedAt: Date;
  listed: number;
  deleted: number;
  keptForeign: number;
  keptInFlight: number;
}

export async function getContactWayReconcile(q: Queryable, workspaceId: string): Promise<ContactWayReconcile | null> {
  const r = await q.query<ContactWayReconcile>(
    `SELECT last_started_at AS "lastStartedAt", last_finished_at AS "lastFinishedAt",
            listed, deleted, kept_foreign AS "keptForeign", kept_in_flight AS "keptInFlight"
     FROM contact_way_reconciles WHERE workspace_id = $1`,
    [workspaceId],
  );
  return r.rows[0] ?? null;
}
