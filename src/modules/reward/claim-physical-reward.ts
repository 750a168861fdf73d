// The winner of a physical prize gives the delivery address (seed 000 §2.2 ①). They may correct it
// until the operator marks the prize issued.
import type { Queryable } from '../../db/client.ts';
import { conflict, notFound, validationError } from '../../errors.ts';
import { parseAddressForm } from '../../domain/shared/address-form.ts';
import { findReward, type RewardRow } from './reward-row.ts';

export async function claimPhysicalReward(tx: Queryable, target: { participantId: number; tierNo: number }, form: unknown): Promise<RewardRow> {
  const parsed = parseAddressForm(form);
  if (!parsed.ok) throw validationError(parsed.errors, 'invalid address');
  const reward = await findReward(tx, target.participantId, target.tierNo, { forUpdate: true });
  if (!reward) throw notFound(`reward of tier ${target.tierNo}`);
  if (reward.reward.type !== 'physical') throw conflict(`this ${reward.reward.type} reward is not delivered by post: no address is needed`);
  if (reward.status === 'issued') throw conflict('this prize has already been sent; the address can no longer change');
  await tx.query(
    `UPDATE rewards SET claim_form = $2, claimed_at = now(), status = 'claimed', updated_at = now() WHERE id = $1`,
    [reward.id, JSON.stringify(parsed.value)],
  );
  return (await findReward(tx, target.participantId, target.tierNo))!;
}
