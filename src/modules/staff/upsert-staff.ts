import type { Queryable } from '../../db/client.ts';
import { validationError } from '../../errors.ts';
import { fieldErrorsFromZod } from '../../domain/shared/zod-field-errors.ts';
import { STAFF_COLUMNS, staffInputSchema, type StaffInput, type StaffMember } from './staff-member.ts';

/** Adds or changes one staff member (the others are left alone). */
export async function upsertStaff(q: Queryable, workspaceId: string, input: StaffInput): Promise<StaffMember> {
  const parsed = staffInputSchema.safeParse(input);
  if (!parsed.success) throw validationError(fieldErrorsFromZod(parsed.error), 'invalid staff member');
  const s = parsed.data;
  const r = await q.query<StaffMember>(
    `INSERT INTO staff (workspace_id, userid, name, avatar, active) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (workspace_id, userid) DO UPDATE SET name = EXCLUDED.name, avatar = EXCLUDED.avatar, active = EXCLUDED.active, updated_at = now()
     RETURNING ${STAFF_COLUMNS}`,
    [workspaceId, s.userid, s.name, s.avatar, s.active],
  );
  return r.rows[0]!;
}
