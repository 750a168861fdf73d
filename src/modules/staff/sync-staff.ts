// The full staff list from WeCom (or an admin upload) replaces what we know: listed members are
// upserted, everyone else is deactivated — never deleted, since campaigns and contact ways refer to them.
import type { Queryable } from '../../db/client.ts';
import { validationError } from '../../errors.ts';
import { z } from 'zod';
import { fieldErrorsFromZod } from '../../domain/shared/zod-field-errors.ts';
import { uniqueItems } from '../../domain/shared/zod-text.ts';
import { staffInputSchema, type StaffInput } from './staff-member.ts';

export const STAFF_SYNC_MAX = 10_000;

export const staffListSchema = z
  .array(staffInputSchema)
  .max(STAFF_SYNC_MAX, { message: `at most ${STAFF_SYNC_MAX} staff members` })
  .superRefine((list, ctx) => uniqueItems(list.map((s) => s.userid), {
    addIssue: (issue) => ctx.addIssue({ ...issue, path: [...issue.path, 'userid'] }),
  }));

export interface StaffSyncResult {
  upserted: number;
  deactivated: number;
}

export async function syncStaff(q: Queryable, workspaceId: string, list: readonly StaffInput[]): Promise<StaffSyncResult> {
  const parsed = staffListSchema.safeParse(list);
  if (!parsed.success) throw validationError(fieldErrorsFromZod(parsed.error), 'invalid staff list');
  const staff = parsed.data;
  if (staff.length) {
    await q.query(
      `INSERT INTO staff (workspace_id, userid, name, avatar, active)
       SELECT $1, s.userid, s.name, s.avatar, s.active
       FROM unnest($2::text[], $3::text[], $4::text[], $5::boolean[]) AS s (userid, name, avatar, active)
       ON CONFLICT (workspace_id, userid) DO UPDATE SET name = EXCLUDED.name, avatar = EXCLUDED.avatar, active = EXCLUDED.active, updated_at = now()`,
      [workspaceId, staff.map((s) => s.userid), staff.map((s) => s.name), staff.map((s) => s.avatar), staff.map((s) => s.active)],
    );
  }
  const gone = await q.query(
    `UPDATE staff SET active = false, updated_at = now() WHERE workspace_id = $1 AND active AND NOT (userid = ANY($2::text[]))`,
    [workspaceId, staff.map((s) => s.userid)],
  );
  return { upserted: staff.length, deactivated: gone.rowCount };
}
