// Bulk upload into a pool. A code already in the pool (uploaded twice, or twice in one file) is
// skipped and counted, so re-uploading the same file is harmless.
import { z } from 'zod';
import type { Queryable } from '../../db/client.ts';
import { validationError } from '../../errors.ts';
import { fieldErrorsFromZod } from '../../domain/shared/zod-field-errors.ts';
import { getCodePool } from './code-pool.ts';

export const UPLOAD_CODES_MAX = 50_000;

export const redeemCodesSchema = z
  .array(z.string().trim().regex(/^[\x21-\x7e]{1,128}$/, { message: 'must be 1–128 printable ASCII characters without spaces' }))
  .min(1, { message: 'upload at least one code' })
  .max(UPLOAD_CODES_MAX, { message: `at most ${UPLOAD_CODES_MAX} codes per upload` });

export interface UploadResult {
  added: number;
  duplicates: number;
}

export async function uploadRedeemCodes(q: Queryable, workspaceId: string, poolId: number, codes: readonly string[]): Promise<UploadResult> {
  const parsed = redeemCodesSchema.safeParse(codes);
  if (!parsed.success) throw validationError(fieldErrorsFromZod(parsed.error).map((f) => ({ ...f, path: `codes${f.path ? `.${f.path}` : ''}` })), 'invalid codes');
  await getCodePool(q, workspaceId, poolId);
  const r = await q.query(
    `INSERT INTO redeem_codes (workspace_id, pool_id, code)
     SELECT $1, $2, c.code FROM unnest($3::text[]) WITH ORDINALITY AS c (code, ord) ORDER BY c.ord
     ON CONFLICT (pool_id, code) DO NOTHING`,
    [workspaceId, poolId, parsed.data],
  );
  return { added: r.rowCount, duplicates: parsed.data.length - r.rowCount };
}
