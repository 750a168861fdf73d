// A workspace with one admin account per role, for tests and demos.
import type { Db } from '../client.ts';
import { createAdminUser, type AdminUser } from '../../modules/auth/create-admin-user.ts';
import { createWorkspace } from '../../modules/workspace/create-workspace.ts';
import { setMemberRole } from '../../modules/workspace/memberships.ts';
import { ROLES, type Role } from '../../modules/workspace/roles.ts';

export interface SeededWorkspace {
  workspaceId: string;
  slug: string;
  /** Every account has this password. */
  password: string;
  users: Record<Role, AdminUser>;
}

export async function seedWorkspaceMembers(db: Db, opts: { slug: string; password?: string }): Promise<SeededWorkspace> {
  const password = opts.password ?? 'correct horse battery';
  return db.transaction(async (tx) => {
    const users = {} as Record<Role, AdminUser>;
    for (const role of ROLES) users[role] = await createAdminUser(tx, { email: `${role}@${opts.slug}.test`, password, displayName: role });
    const ws = await createWorkspace(tx, { slug: opts.slug, name: opts.slug, ownerId: users.owner.id, useSandbox: true });
    for (const role of ROLES) if (role !== 'owner') await setMemberRole(tx, ws.id, users[role].email, role);
    return { workspaceId: ws.id, slug: opts.slug, password, users };
  });
}
