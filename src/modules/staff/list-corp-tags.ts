import type { Queryable } from '../../db/client.ts';
import type { CorpTag } from './corp-tag.ts';

export async function listCorpTags(q: Queryable, workspaceId: string, opts: { activeOnly?: boolean } = {}): Promise<CorpTag[]> {
  const r = await q.query<CorpTag>(
    `SELECT tag_id AS "tagId", name, group_name AS "groupName", active FROM corp_tags
     WHERE workspace_id = $1 ${opts.activeOnly ? 'AND active' : ''} ORDER BY group_name, name, tag_id`,
    [workspaceId],
  );
  return r.rows;
}
