// Admin identity from the session cookie, and role checks per workspace.
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { resolveSession } from '../modules/auth/sessions.ts';
import type { AdminUser } from '../modules/auth/create-admin-user.ts';
import { requireMembership, type Membership } from '../modules/workspace/memberships.ts';
import { roleAtLeast, type Role } from '../modules/workspace/roles.ts';

export const SESSION_COOKIE = 'fission_session';

export async function requireAdmin(db: Db, req: FastifyRequest): Promise<AdminUser> {
  const token = req.cookies[SESSION_COOKIE];
  const user = token ? await resolveSession(db, token) : null;
  if (!user) throw new AppError('unauthorized', 'log in first');
  return user;
}

/** The caller's membership in workspace `slug`, if their role is at least `needed`. */
export async function requireRole(db: Db, req: FastifyRequest, slug: string, needed: Role): Promise<Membership & { user: AdminUser }> {
  const user = await requireAdmin(db, req);
  const m = await requireMembership(db, user.id, slug);
  if (!roleAtLeast(m.role, needed)) throw new AppError('forbidden', `this needs the ${needed} role in workspace ${slug}; you are ${m.role}`);
  return { ...m, user };
}
