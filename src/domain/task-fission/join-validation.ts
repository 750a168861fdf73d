// May someone start taking part (get their own poster)? The gender filter applies to participants
// as well as helpers (seed 000 §3.1). Checks in order: campaign_not_started, stock_empty,
// campaign_ended, gender — the same reasons and wording as help-validation.ts.
import type { CampaignStatus } from './campaign-status.ts';
import { passesGenderFilter, type Gender, type GenderFilter } from './gender.ts';
import type { InvalidHelpReason } from './help-validation.ts';

export type InvalidJoinReason = Extract<InvalidHelpReason, 'campaign_not_started' | 'stock_empty' | 'campaign_ended' | 'gender'>;
export type JoinVerdict = { valid: true } | { valid: false; reason: InvalidJoinReason };

export interface JoinFacts {
  status: CampaignStatus;
  /** Stock left summed over all tiers. */
  stockLeft: number;
  gender: Gender;
  /** Took part before (e.g. helped someone): exempt from the gender filter. */
  alreadyParticipated: boolean;
}

export function validateJoin(genderFilter: GenderFilter, f: JoinFacts): JoinVerdict {
  if (f.status === 'draft' || f.status === 'scheduled') return { valid: false, reason: 'campaign_not_started' };
  if (f.stockLeft <= 0) return { valid: false, reason: 'stock_empty' };
  if (f.status === 'ended') return { valid: false, reason: 'campaign_ended' };
  if (!passesGenderFilter(genderFilter, f.gender, f.alreadyParticipated)) return { valid: false, reason: 'gender' };
  return { valid: true };
}
