// How much of the corp's contact-way quota the workspace uses (WeCom: 500 000 API-made contact and
// join ways per corp, reference §3.1), from the campaign module's view.
import type { Queryable } from '../../db/client.ts';

export interface ContactWayQuota {
  live: number;
  quota: number;
  left: number;
}

export async function getContactWayQuota(q: Queryable, workspaceId: string): Promise<ContactWayQuota> {
  const r = await q.query<{ live: number; quota: number }>(`SELECT live, quota FROM workspace_contact_way_quota WHERE workspace_id = $1`, [workspaceId]);
  const row = r.rows[0] ?? { live: 0, quota: 500_000 };
  return { live: row.live, quota: row.quota, left: Math.max(0, row.quota - row.live) };
}
