// A reward tier (阶梯): reach `target` valid helps, win `reward`, while `stock` lasts.
// Tiers are numbered 1..5 (一阶…五阶) everywhere outside arrays; field paths use array indexes.
import { z } from 'zod';
import { rewardSchema } from './reward.ts';

export const TIERS_MIN = 1;
export const TIERS_MAX = 5;
export const TARGET_MAX = 10_000;
export const STOCK_MAX = 10_000_000;

export const tierSchema = z.strictObject({
  target: z.int({ message: 'must be a whole number' }).min(1, { message: 'must be greater than 0' }).max(TARGET_MAX, { message: `must be at most ${TARGET_MAX}` }),
  reward: rewardSchema,
  stock: z.int({ message: 'must be a whole number' }).min(0, { message: 'must not be negative' }).max(STOCK_MAX, { message: `must be at most ${STOCK_MAX}` }),
});

export type Tier = z.output<typeof tierSchema>;

export const tiersSchema = z
  .array(tierSchema)
  .min(TIERS_MIN, { message: 'add at least one tier' })
  .max(TIERS_MAX, { message: `at most ${TIERS_MAX} tiers` });
