// The campaign's poster template against the workspace: its background must be an image uploaded
// to this workspace, of the size the template says (the layout is scaled from it).
import type { Queryable } from '../../db/client.ts';
import type { FieldError } from '../../errors.ts';
import type { CampaignConfig } from '../../domain/task-fission/campaign-config.ts';

export async function posterTemplateErrors(q: Queryable, workspaceId: string, config: CampaignConfig): Promise<FieldError[]> {
  const bg = config.poster?.background;
  if (!bg) return [];
  const r = await q.query<{ width: number; height: number }>(
    `SELECT width, height FROM poster_backgrounds WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, bg.imageId],
  );
  const row = r.rows[0];
  if (!row) return [{ path: 'poster.background.imageId', message: 'no background with this id was uploaded to this workspace' }];
  if (row.width !== bg.width || row.height !== bg.height) {
    return [{ path: 'poster.background', message: `the uploaded image is ${row.width}×${row.height} px, not ${bg.width}×${bg.height}` }];
  }
  return [];
}
