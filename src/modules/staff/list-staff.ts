import type { Queryable } from '../../db/client.ts';
import { STAFF_COLUMNS, type StaffMember } from './staff-member.ts';

export async function listStaff(q: Queryable, workspaceId: string, opts: { activeOnly?: boolean } = {}): Promise<StaffMember[]> {
  const r = await q.query<StaffMember>(
    `SELECT ${STAFF_COLUMNS} FROM staff WHERE workspace_id = $1 ${opts.activeOnly ? 'AND active' : ''} ORDER BY userid`,
    [workspaceId],
  );
  return r.rows;
}
