// First start: a demo workspace wired to the sandbox, and an owner account. Idempotent: once an
// admin account exists nothing is created again.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { createAdminUser } from '../auth/create-admin-user.ts';
import { createWorkspace } from './create-workspace.ts';

export interface DemoSeedResult {
  created: boolean;
  email?: string;
  /** Present only when generated here, so it can be printed once. */
  generatedPassword?: string;
}

export async function ensureDemoWorkspace(db: Db, opts: { email?: string | undefined; password?: string | undefined }): Promise<DemoSeedResult> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(727465002)');
    const any = await tx.query('SELECT 1 FROM admin_users LIMIT 1');
    if (any.rows.length) return { created: false };
    const email = opts.email ?? 'admin@fission.local';
    const generated = opts.password ? undefined : randomBytes(9).toString('base64url');
    const owner = await createAdminUser(tx, { email, password: opts.password ?? generated!, displayName: 'Owner' });
    await createWorkspace(tx, { slug: 'demo', name: '演示工作区 Demo', ownerId: owner.id, useSandbox: true });
    return generated ? { created: true, email, generatedPassword: generated } : { created: true, email };
  });
}
