// Rows of customer_pulls: what a pull was asked to do and how far it got.
import type { Queryable } from '../../db/client.ts';

export type PullStatus = 'queued' | 'running' | 'done' | 'failed';

export interface CustomerPull {
  id: number;
  staffUserIds: string[];
  reason: string;
  status: PullStatus;
  pages: number;
  /** Friendships (customer, staff member) read so far. */
  friendships: number;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

const COLUMNS = `id, staff_userids AS "staffUserIds", reason, status, pages, friendships, error, created_at AS "createdAt", started_at AS "startedAt", finished_at AS "finishedAt"`;

export async function findCustomerPull(q: Queryable, workspaceId: string, id: number): Promise<CustomerPull | null> {
  const r = await q.query<CustomerPull>(`SELECT ${COLUMNS} FROM customer_pulls WHERE workspace_id = $1 AND id = $2`, [workspaceId, id]);
  return r.rows[0] ?? null;
}

export async function latestCustomerPull(q: Queryable, workspaceId: string): Promise<CustomerPull | null> {
  const r = await q.query<CustomerPull>(`SELECT ${COLUMNS} FROM customer_pulls WHERE workspace_id = $1 ORDER BY id DESC LIMIT 1`, [workspaceId]);
  return r.rows[0] ?? null;
}

/** Starts (or restarts, after a failed run) the pull; the database's clock says when. */
export async function startCustomerPull(q: Queryable, workspaceId: string, id: number): Promise<Date> {
  const r = await q.query<{ startedAt: Date }>(
    `UPDATE customer_pulls SET status = 'running', started_at = now(), pages = 0, friendships = 0, error = NULL WHERE workspace_id = $1 AND id = $2 RETURNING started_at AS "startedAt"`,
    [workspaceId, id],
  );
  return r.rows[0]!.startedAt;
}

export async function countPulledPage(q: Queryable, workspaceId: string, id: number, friendships: number): Promise<void> {
  await q.query(`UPDATE customer_pulls SET pages = pages + 1, friendships = friendships + $3 WHERE workspace_id = $1 AND id = $2`, [workspaceId, id, friendships]);
}

export async function finishCustomerPull(q: Queryable, workspaceId: string, id: number, outcome: { status: 'done' } | { status: 'failed'; error: string }): Promise<void> {
  await q.query(`UPDATE customer_pulls SET status = $3, error = $4, finished_at = now() WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, id, outcome.status, outcome.status === 'failed' ? outcome.error.slice(0, 1000) : null]);
}
