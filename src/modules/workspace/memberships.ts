import type { Queryable } from '../../db/client.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Role } from './roles.ts';

export interface Membership {
  workspaceId: string;
  slug: string;
  name: string;
  role: Role;
}

export async function listMemberships(q: Queryable, userId: string): Promise<Membership[]> {
  const r = await q.query<Membership>(
    `SELECT w.id AS "workspaceId", w.slug, w.name, m.role FROM workspace_members m JOIN workspaces w ON w.id = m.workspace_id
     WHERE m.user_id = $1 ORDER BY w.created_at`,
    [userId],
  );
  return r.rows;
}

export async function findMembership(q: Queryable, userId: string, slug: string): Promise<Membership | null> {
  const r = await q.query<Membership>(
    `SELECT w.id AS "workspaceId", w.slug, w.name, m.role FROM workspace_members m JOIN workspaces w ON w.id = m.workspace_id
     WHERE m.user_id = $1 AND w.slug = $2`,
    [userId, slug],
  );
  return r.rows[0] ?? null;
}

/** Grants `role` to an existing admin account (by email); re-granting changes the role. A workspace
 *  always keeps an owner. Run it in a transaction: the workspace row lock serialises role changes. */
export async function setMemberRole(q: Queryable, workspaceId: string, email: string, role: Role): Promise<void> {
  const u = await q.query<{ id: string }>('SELECT id FROM admin_users WHERE email = $1', [email.trim().toLowerCase()]);
  const userId = u.rows[0]?.id;
  if (!userId) throw new AppError('not_found', `no admin account with email ${email}`, { fields: [{ path: 'email', message: 'no such account' }] });
  await q.query('SELECT 1 FROM workspaces WHERE id = $1 FOR UPDATE', [workspaceId]);
  if (role !== 'owner') {
    const owners = await q.query<{ user_id: string }>(`SELECT user_id FROM workspace_members WHERE workspace_id = $1 AND role = 'owner'`, [workspaceId]);
    if (owners.rows.length === 1 && owners.rows[0]!.user_id === userId) {
      throw new AppError('conflict', 'a workspace needs an owner: make someone else owner first', { fields: [{ path: 'role', message: 'the last owner cannot be demoted' }] });
    }
  }
  await q.query(
    `INSERT INTO workspace_members (workspace_id, user_id, role) VALUES ($1, $2, $3)
     ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = EXCLUDED.role`,
    [workspaceId, userId, role],
  );
}

export async function requireMembership(q: Queryable, userId: string, slug: string): Promise<Membership> {
  const m = await findMembership(q, userId, slug);
  // Same answer for "no such workspace" and "not yours": slugs are not secret, but membership is.
  if (!m) throw notFound(`workspace ${slug}`);
  return m;
}
