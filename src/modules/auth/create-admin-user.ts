import type { Queryable } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { hashPassword } from './password.ts';

export interface AdminUser {
  id: string;
  email: string;
  displayName: string;
}

export async function createAdminUser(q: Queryable, input: { email: string; password: string; displayName?: string }): Promise<AdminUser> {
  const email = input.email.trim().toLowerCase();
  const hash = await hashPassword(input.password);
  const r = await q.query<{ id: string }>(
    `INSERT INTO admin_users (email, display_name, password_hash) VALUES ($1, $2, $3)
     ON CONFLICT (email) DO NOTHING RETURNING id`,
    [email, input.displayName ?? email.split('@')[0], hash],
  );
  const row = r.rows[0];
  if (!row) throw new AppError('conflict', `an account with email ${email} already exists`, { fields: [{ path: 'email', message: 'already registered' }] });
  return { id: row.id, email, displayName: input.displayName ?? email.split('@')[0]! };
}
