import type { Queryable } from '../../db/client.ts';
import { getWorkspace, WORKSPACE_COLUMNS, type Workspace } from './workspace-row.ts';

export type WorkspaceSettingsPatch = Partial<Omit<Workspace, 'id' | 'slug' | 'createdAt'>>;

/** Writes only the given fields; `null` clears a setting. */
export async function updateWorkspaceSettings(q: Queryable, id: string, patch: WorkspaceSettingsPatch): Promise<Workspace> {
  const entries = Object.entries(patch).filter(([, v]) => v !== undefined) as Array<[keyof typeof WORKSPACE_COLUMNS, unknown]>;
  if (entries.length) {
    const sets = entries.map(([k], i) => `${WORKSPACE_COLUMNS[k]} = $${i + 2}`).join(', ');
    await q.query(`UPDATE workspaces SET ${sets} WHERE id = $1`, [id, ...entries.map(([, v]) => v)]);
  }
  return getWorkspace(q, { id });
}
