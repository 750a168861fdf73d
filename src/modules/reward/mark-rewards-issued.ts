// The operator marks prizes as sent, in batches (seed 000 §三(二)4②). All or nothing: an unknown id
// or a physical prize without an address refuses the whole batch, naming each offending entry.
// Marking an issued reward again changes nothing.
import { z } from 'zod';
import type { Queryable } from '../../db/client.ts';
import { AppError, validationError, type FieldError } from '../../errors.ts';
import { fieldErrorsFromZod } from '../../domain/shared/zod-field-errors.ts';
import { uniqueItems } from '../../domain/shared/zod-text.ts';
import type { RewardStatus } from './reward-row.ts';

export const ISSUE_BATCH_MAX = 1000;

export const rewardIdsSchema = z
  .array(z.int().positive({ message: 'must be a reward id' }))
  .min(1, { message: 'choose at least one reward' })
  .max(ISSUE_BATCH_MAX, { message: `at most ${ISSUE_BATCH_MAX} rewards at once` })
  .superRefine(uniqueItems);

export interface IssueResult {
  issued: number;
  alreadyIssued: number;
}

export async function markRewardsIssued(
  tx: Queryable,
  input: { workspaceId: string; campaignId: number; rewardIds: readonly number[]; issuedBy: string | null },
): Promise<IssueResult> {
  const parsed = rewardIdsSchema.safeParse(input.rewardIds);
  if (!parsed.success) throw validationError(fieldErrorsFromZod(parsed.error).map((f) => ({ ...f, path: `rewardIds${f.path ? `.${f.path}` : ''}` })), 'invalid rewards');
  const ids = parsed.data;

  const r = await tx.query<{ id: number; status: RewardStatus; type: string }>(
    `SELECT id, status, reward->>'type' AS type FROM rewards
     WHERE workspace_id = $1 AND campaign_id = $2 AND id = ANY($3::bigint[]) ORDER BY id FOR UPDATE`,
    [input.workspaceId, input.campaignId, ids],
  );
  const byId = new Map(r.rows.map((row) => [row.id, row]));
  const missing: FieldError[] = [];
  const unready: FieldError[] = [];
  ids.forEach((id, i) => {
    const row = byId.get(id);
    if (!row) missing.push({ path: `rewardIds.${i}`, message: `no reward ${id} in this campaign` });
    else if (row.type === 'physical' && row.status === 'reserved') unready.push({ path: `rewardIds.${i}`, message: `reward ${id} has no delivery address yet` });
  });
  if (missing.length) throw validationError(missing, 'unknown rewards');
  if (unready.length) throw new AppError('conflict', `cannot mark as issued: ${unready.map((f) => f.message).join('; ')}`, { fields: unready });

  const toIssue = r.rows.filter((row) => row.status !== 'issued').map((row) => row.id);
  if (toIssue.length) {
    await tx.query(
      `UPDATE rewards SET status = 'issued', issued_at = now(), issued_by = $2, updated_at = now() WHERE id = ANY($1::bigint[])`,
      [toIssue, input.issuedBy],
    );
  }
  return { issued: toIssue.length, alreadyIssued: ids.length - toIssue.length };
}
