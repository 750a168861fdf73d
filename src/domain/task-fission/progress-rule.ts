// What moves a participant towards a tier. 'helpers' (task fission): one per valid help, each
// helper counted once. Later plays add their own rules (bargain cuts, red-packet amounts, cards)
// as new values here, with their own progress functions beside progress.ts.
import { z } from 'zod';

export const PROGRESS_RULES = ['helpers'] as const;
export type ProgressRule = (typeof PROGRESS_RULES)[number];

export const progressRuleSchema = z.enum(PROGRESS_RULES, { message: `must be one of: ${PROGRESS_RULES.join(', ')}` });
