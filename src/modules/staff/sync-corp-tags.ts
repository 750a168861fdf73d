// The full corp tag list from WeCom (or an admin upload): listed tags are upserted, the rest
// deactivated (campaigns may still name them, and then fail the workspace check).
import { z } from 'zod';
import type { Queryable } from '../../db/client.ts';
import { validationError } from '../../errors.ts';
import { fieldErrorsFromZod } from '../../domain/shared/zod-field-errors.ts';
import { uniqueItems } from '../../domain/shared/zod-text.ts';
import { corpTagInputSchema, type CorpTagInput } from './corp-tag.ts';

export const corpTagListSchema = z
  .array(corpTagInputSchema)
  .max(10_000, { message: 'at most 10000 tags' })
  .superRefine((list, ctx) => uniqueItems(list.map((t) => t.tagId), {
    addIssue: (issue) => ctx.addIssue({ ...issue, path: [...issue.path, 'tagId'] }),
  }));

export async function syncCorpTags(q: Queryable, workspaceId: string, list: readonly CorpTagInput[]): Promise<{ upserted: number; deactivated: number }> {
  const parsed = corpTagListSchema.safeParse(list);
  if (!parsed.success) throw validationError(fieldErrorsFromZod(parsed.error), 'invalid tag list');
  const tags = parsed.data;
  if (tags.length) {
    await q.query(
      `INSERT INTO corp_tags (workspace_id, tag_id, name, group_name, active)
       SELECT $1, t.tag_id, t.name, t.group_name, true FROM unnest($2::text[], $3::text[], $4::text[]) AS t (tag_id, name, group_name)
       ON CONFLICT (workspace_id, tag_id) DO UPDATE SET name = EXCLUDED.name, group_name = EXCLUDED.group_name, active = true, updated_at = now()`,
      [workspaceId, tags.map((t) => t.tagId), tags.map((t) => t.name), tags.map((t) => t.groupName)],
    );
  }
  const gone = await q.query(
    `UPDATE corp_tags SET active = false, updated_at = now() WHERE workspace_id = $1 AND active AND NOT (tag_id = ANY($2::text[]))`,
    [workspaceId, tags.map((t) => t.tagId)],
  );
  return { upserted: tags.length, deactivated: gone.rowCount };
}
