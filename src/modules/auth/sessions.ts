// Admin sessions: the cookie carries a random token; the database keeps only its SHA-256.
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { verifyPassword } from './password.ts';
import type { AdminUser } from './create-admin-user.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
// Compared against when the email is unknown, so response time does not reveal which emails exist.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export async function logIn(q: Queryable, email: string, password: string, ttlHours: number): Promise<{ token: string; user: AdminUser; expiresAt: Date }> {
  const r = await q.query<{ id: string; email: string; display_name: string; password_hash: string }>(
    'SELECT id, email, display_name, password_hash FROM admin_users WHERE email = $1',
    [email.trim().toLowerCase()],
  );
  const row = r.rows[0];
  const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
  if (!row || !ok) throw new AppError('unauthorized', 'wrong email or password');
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlHours * 3600_000);
  await q.query('INSERT INTO admin_sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [sha256(token), row.id, expiresAt]);
  return { token, user: { id: row.id, email: row.email, displayName: row.display_name }, expiresAt };
}

export async function resolveSession(q: Queryable, token: string): Promise<AdminUser | null> {
  const r = await q.query<{ id: string; email: string; display_name: string }>(
    `SELECT u.id, u.email, u.display_name FROM admin_sessions s JOIN admin_users u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.expires_at > now()`,
    [sha256(token)],
  );
  const row = r.rows[0];
  return row ? { id: row.id, email: row.email, displayName: row.display_name } : null;
}

export async function logOut(q: Queryable, token: string): Promise<void> {
  await q.query('DELETE FROM admin_sessions WHERE token_hash = $1', [sha256(token)]);
}
