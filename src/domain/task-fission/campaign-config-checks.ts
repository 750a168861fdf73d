// Rules that relate several fields of a well-formed campaign config.
import type { FieldError } from '../../errors.ts';
import type { CampaignConfig } from './campaign-config.ts';
import { SUPPORTED_REWARD_TYPES } from './reward.ts';

export function crossFieldErrors(config: CampaignConfig): FieldError[] {
  const errors: FieldError[] = [];
  if (Date.parse(config.endAt) <= Date.parse(config.startAt)) {
    errors.push({ path: 'endAt', message: 'must be after the start time' });
  }
  config.tiers.forEach((tier, i) => {
    const previous = config.tiers[i - 1];
    if (previous && tier.target <= previous.target) {
      errors.push({ path: `tiers.${i}.target`, message: `must be greater than tier ${i}'s target (${previous.target})` });
    }
    if (!SUPPORTED_REWARD_TYPES.includes(tier.reward.type)) {
      errors.push({ path: `tiers.${i}.reward.type`, message: `reward "${tier.reward.type}" is not supported yet (supported: ${SUPPORTED_REWARD_TYPES.join(', ')})` });
    }
  });
  return errors;
}
