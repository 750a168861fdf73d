import { z } from 'zod';
import type { Queryable } from '../../db/client.ts';
import { validationError } from '../../errors.ts';
import { fieldErrorsFromZod } from '../../domain/shared/zod-field-errors.ts';
import { boundedText } from '../../domain/shared/zod-text.ts';
import { getCodePool, type CodePool } from './code-pool.ts';

export const codePoolInputSchema = z.strictObject({ name: boundedText(1, 50) });

export async function createCodePool(q: Queryable, workspaceId: string, input: z.input<typeof codePoolInputSchema>): Promise<CodePool> {
  const parsed = codePoolInputSchema.safeParse(input);
  if (!parsed.success) throw validationError(fieldErrorsFromZod(parsed.error), 'invalid code pool');
  const r = await q.query<{ id: number }>(`INSERT INTO redeem_code_pools (workspace_id, name) VALUES ($1, $2) RETURNING id`, [workspaceId, parsed.data.name]);
  return getCodePool(q, workspaceId, r.rows[0]!.id);
}
