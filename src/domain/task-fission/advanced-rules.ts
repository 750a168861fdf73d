// Advanced settings (seed 000 §3). Self-help is never allowed and is not a setting.
import { z } from 'zod';
import { uniqueItems } from '../shared/zod-text.ts';
import type { GenderFilter } from './gender.ts';

export const CHURN_POLICIES = ['deduct', 'ignore'] as const;
/** On a helper deleting/blocking the staff: deduct one valid help from the inviter, or ignore it. */
export type ChurnPolicy = (typeof CHURN_POLICIES)[number];

export const JOIN_TAGS_MAX = 20;
export const HELPS_PER_HELPER_MAX = 100;

export const advancedRulesSchema = z.strictObject({
  /** Who may take part; someone who already took part stays eligible whatever their gender becomes. */
  genderFilter: z.enum(['all', 'male', 'female'] satisfies GenderFilter[], { message: 'must be one of: all, male, female' }).default('all'),
  /** Corp tag ids put on every inviter and helper who joins (removed again if they delete the staff). */
  joinTagIds: z
    .array(z.string().regex(/^\S{1,64}$/, { message: 'must be a corp tag id' }))
    .max(JOIN_TAGS_MAX, { message: `at most ${JOIN_TAGS_MAX} tags` })
    .superRefine(uniqueItems)
    .default([]),
  /** How many different inviters one person may help in this campaign. */
  helpsPerHelper: z.int().min(1, { message: 'must be at least 1' }).max(HELPS_PER_HELPER_MAX, { message: `must be at most ${HELPS_PER_HELPER_MAX}` }).default(1),
  /** When on, B may not help A if A already helped B. */
  noMutualHelp: z.boolean().default(false),
  /** When on, people who were already customers of a pool staff member before the campaign cannot help. */
  newCustomersOnly: z.boolean().default(false),
  churnPolicy: z.enum(CHURN_POLICIES, { message: 'must be one of: deduct, ignore' }).default('deduct'),
});

export type AdvancedRules = z.output<typeof advancedRulesSchema>;
