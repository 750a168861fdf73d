// Redeem-code pools as the admin sees them.
import type { Queryable } from '../../db/client.ts';
import { notFound } from '../../errors.ts';

export interface CodePool {
  id: number;
  name: string;
  total: number;
  assigned: number;
  available: number;
  createdAt: Date;
}

const SELECT = `
  SELECT p.id, p.name, p.created_at AS "createdAt",
         count(c.id)::int AS total, count(c.reward_id)::int AS assigned, (count(c.id) - count(c.reward_id))::int AS available
  FROM redeem_code_pools p LEFT JOIN redeem_codes c ON c.pool_id = p.id`;

export async function listCodePools(q: Queryable, workspaceId: string): Promise<CodePool[]> {
  const r = await q.query<CodePool>(`${SELECT} WHERE p.workspace_id = $1 GROUP BY p.id ORDER BY p.id`, [workspaceId]);
  return r.rows;
}

export async function getCodePool(q: Queryable, workspaceId: string, poolId: number): Promise<CodePool> {
  const r = await q.query<CodePool>(`${SELECT} WHERE p.workspace_id = $1 AND p.id = $2 GROUP BY p.id`, [workspaceId, poolId]);
  const pool = r.rows[0];
  if (!pool) throw notFound(`code pool ${poolId}`);
  return pool;
}

/**
 * Unassigned codes per pool of the workspace, for the campaign workspace check. Codes already given
 * to rewards of `campaignId` count as available to it: they cover stock that campaign already used.
 */
export async function codesAvailableByPool(q: Queryable, workspaceId: string, campaignId: number | null): Promise<Map<number, number>> {
  const r = await q.query<{ id: number; available: number }>(
    `SELECT p.id, (count(c.id) FILTER (WHERE c.reward_id IS NULL
              OR c.reward_id IN (SELECT id FROM rewards WHERE campaign_id = $2)))::int AS available
     FROM redeem_code_pools p LEFT JOIN redeem_codes c ON c.pool_id = p.id
     WHERE p.workspace_id = $1 GROUP BY p.id`,
    [workspaceId, campaignId ?? 0],
  );
  return new Map(r.rows.map((row) => [row.id, row.available]));
}
