import type { Queryable } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { getWorkspace, type Workspace } from './workspace-row.ts';

export async function createWorkspace(q: Queryable, input: { slug: string; name: string; ownerId: string; useSandbox?: boolean }): Promise<Workspace> {
  const r = await q.query<{ id: string }>(
    `INSERT INTO workspaces (slug, name, use_sandbox) VALUES ($1, $2, $3) ON CONFLICT (slug) DO NOTHING RETURNING id`,
    [input.slug, input.name, input.useSandbox ?? false],
  );
  const id = r.rows[0]?.id;
  if (!id) throw new AppError('conflict', `workspace slug "${input.slug}" is taken`, { fields: [{ path: 'slug', message: 'already taken' }] });
  await q.query(`INSERT INTO workspace_members (workspace_id, user_id, role) VALUES ($1, $2, 'owner')`, [id, input.ownerId]);
  return getWorkspace(q, { id });
}
