// Queues a pull of staff members' customers into the directory (pull-customers.ts): when a campaign
// is published (its staff pool) and when an operator asks (every active staff member). One row per
// request, so its progress and outcome can be shown; the job runs it once.
import type { Queryable } from '../../db/client.ts';
import { conflict } from '../../errors.ts';
import { PullCustomersJob } from '../../jobs/customers/definitions.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { listStaff } from '../staff/list-staff.ts';

export async function requestCustomerPull(tx: Queryable, jobs: JobQueue, p: { workspaceId: string; staffUserIds: readonly string[]; reason: string }): Promise<{ pullId: number }> {
  const staff = [...new Set(p.staffUserIds)];
  if (!staff.length) throw conflict('no staff members to pull customers of: sync the staff from WeCom first');
  const r = await tx.query<{ id: number }>(`INSERT INTO customer_pulls (workspace_id, staff_userids, reason) VALUES ($1, $2, $3) RETURNING id`, [p.workspaceId, staff, p.reason]);
  const pullId = r.rows[0]!.id;
  await jobs.send(PullCustomersJob, { workspaceId: p.workspaceId, pullId }, { tx, key: `pull:${pullId}` });
  return { pullId };
}

/** Every active staff member's customers (the operator's "sync customers"). */
export async function requestFullCustomerPull(tx: Queryable, jobs: JobQueue, workspaceId: string): Promise<{ pullId: number }> {
  const staff = await listStaff(tx, workspaceId, { activeOnly: true });
  return requestCustomerPull(tx, jobs, { workspaceId, staffUserIds: staff.map((s) => s.userid), reason: 'admin' });
}
