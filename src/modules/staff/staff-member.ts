// A workspace staff member (WeCom userid) as campaigns see it.
import { z } from 'zod';

export const staffUserIdSchema = z.string().regex(/^[A-Za-z0-9_@.-]{1,64}$/, { message: 'must be a WeCom userid (1–64 letters, digits, _ - @ .)' });

export const staffInputSchema = z.strictObject({
  userid: staffUserIdSchema,
  name: z.string().trim().min(1, { message: 'must not be empty' }).max(64, { message: 'must be at most 64 characters' }),
  avatar: z.string().max(1024).regex(/^https?:\/\/\S+$/, { message: 'must be an http(s) URL' }).nullable().default(null),
  /** Has customer contact and is in the app's visible range (may be put on a contact way). */
  active: z.boolean().default(true),
});

export type StaffInput = z.input<typeof staffInputSchema>;

export interface StaffMember {
  userid: string;
  name: string;
  avatar: string | null;
  active: boolean;
  updatedAt: Date;
}

export const STAFF_COLUMNS = `userid, name, avatar, active, updated_at AS "updatedAt"`;
