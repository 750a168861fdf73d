// Does a friend's help count for an inviter? The answer is also the state the H5 help page shows.
//
// Checks run in this order and the first failure is the reason:
//   1. campaign_not_started  draft or scheduled
//   2. stock_empty           every tier's stock is used up (before campaign_ended, because a
//                            sold-out campaign is also "ended" and "prizes are gone" says why)
//   3. campaign_ended        ended early or past its end time
//   4. self_help             helper is the inviter (always forbidden)
//   5. already_helped        helper already helped this inviter (once ever, revoked or not)
//   6. mutual_help           inviter once helped the helper, and the campaign forbids mutual help
//   7. gender                helper fails the gender filter (unless they already took part)
//   8. not_new_customer      helper was a pool staff member's customer before the campaign,
//                            and the campaign takes new customers only
//   9. help_limit            helper has used all their helps in this campaign
// The relation to this inviter comes before the helper's own eligibility, and the quota comes
// last: a helper who could never help this inviter is told why, not that they ran out of helps.
import type { AdvancedRules } from './advanced-rules.ts';
import type { CampaignStatus } from './campaign-status.ts';
import { passesGenderFilter, type Gender } from './gender.ts';

export const INVALID_HELP_REASONS = [
  'campaign_not_started',
  'stock_empty',
  'campaign_ended',
  'self_help',
  'already_helped',
  'mutual_help',
  'gender',
  'not_new_customer',
  'help_limit',
] as const;
export type InvalidHelpReason = (typeof INVALID_HELP_REASONS)[number];

export type HelpVerdict = { valid: true } | { valid: false; reason: InvalidHelpReason };

export type HelpRules = Pick<AdvancedRules, 'helpsPerHelper' | 'noMutualHelp' | 'genderFilter' | 'newCustomersOnly'>;

/** What the caller found out about one help attempt. Ids are people in the same id space (e.g. external_userid). */
export interface HelpFacts {
  status: CampaignStatus;
  /** Stock left summed over all tiers. */
  stockLeft: number;
  inviterId: string;
  helperId: string;
  helperAlreadyHelpedInviter: boolean;
  /** Helps this helper gave in this campaign, revoked ones included (deleting the staff gives no help back). */
  helpsUsedByHelper: number;
  /** The inviter once helped this helper in this campaign. */
  inviterHelpedHelper: boolean;
  helperGender: Gender;
  /** The helper already took part in this campaign (as participant or helper): exempt from the gender filter. */
  helperAlreadyParticipated: boolean;
  /** The helper was a customer of any pool staff member before this campaign brought them. */
  helperWasCustomerBefore: boolean;
}

export function validateHelp(rules: HelpRules, f: HelpFacts): HelpVerdict {
  const reason = firstFailure(rules, f);
  return reason === null ? { valid: true } : { valid: false, reason };
}

function firstFailure(rules: HelpRules, f: HelpFacts): InvalidHelpReason | null {
  if (f.status === 'draft' || f.status === 'scheduled') return 'campaign_not_started';
  if (f.stockLeft <= 0) return 'stock_empty';
  if (f.status === 'ended') return 'campaign_ended';
  if (f.helperId === f.inviterId) return 'self_help';
  if (f.helperAlreadyHelpedInviter) return 'already_helped';
  if (rules.noMutualHelp && f.inviterHelpedHelper) return 'mutual_help';
  if (!passesGenderFilter(rules.genderFilter, f.helperGender, f.helperAlreadyParticipated)) return 'gender';
  if (rules.newCustomersOnly && f.helperWasCustomerBefore) return 'not_new_customer';
  if (f.helpsUsedByHelper >= rules.helpsPerHelper) return 'help_limit';
  return null;
}
