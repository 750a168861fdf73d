// Checks of a valid config against what exists in the workspace. The caller loads the facts from
// the database (staff with customer contact, corp tags, redeem-code pools) and passes them in.
import type { FieldError } from '../../errors.ts';
import type { CampaignConfig } from './campaign-config.ts';
import { staffPool } from './channel.ts';

export interface WorkspaceFacts {
  /** Staff userids that may be put on a contact way (customer-contact enabled, in the app's range). */
  staffUserIds: readonly string[];
  /** Corp tag ids; omit to skip the tag check (e.g. tags not synced yet). */
  corpTagIds?: readonly string[];
  /** Unissued codes left per redeem-code pool id; omit to skip the pool check. */
  codesAvailableByPool?: ReadonlyMap<number, number>;
}

export function workspaceErrors(config: CampaignConfig, facts: WorkspaceFacts): FieldError[] {
  const errors: FieldError[] = [];
  const staff = new Set(facts.staffUserIds);
  staffPool(config.channel).forEach((userId, i) => {
    if (!staff.has(userId)) errors.push({ path: `channel.staffUserIds.${i}`, message: `"${userId}" is not a staff member with customer contact in this workspace` });
  });

  config.tiers.forEach((tier, i) => {
    const contact = tier.reward.type === 'customer_service' || tier.reward.type === 'red_packet' ? tier.reward.contact : null;
    if (contact?.type === 'staff' && !staff.has(contact.userId)) {
      errors.push({ path: `tiers.${i}.reward.contact.userId`, message: `"${contact.userId}" is not a staff member with customer contact in this workspace` });
    }
  });

  if (facts.corpTagIds) {
    const tags = new Set(facts.corpTagIds);
    config.rules.joinTagIds.forEach((tagId, i) => {
      if (!tags.has(tagId)) errors.push({ path: `rules.joinTagIds.${i}`, message: `corp tag "${tagId}" does not exist` });
    });
  }

  if (facts.codesAvailableByPool) errors.push(...codePoolErrors(config, facts.codesAvailableByPool));
  return errors;
}

// Tiers may share a pool, so their stocks together must fit in what the pool has left.
function codePoolErrors(config: CampaignConfig, available: ReadonlyMap<number, number>): FieldError[] {
  const errors: FieldError[] = [];
  const demand = new Map<number, number>();
  config.tiers.forEach((tier, i) => {
    if (tier.reward.type !== 'redeem_code') return;
    const poolId = tier.reward.codePoolId;
    const left = available.get(poolId);
    if (left === undefined) {
      errors.push({ path: `tiers.${i}.reward.codePoolId`, message: `code pool ${poolId} does not exist` });
      return;
    }
    const wanted = (demand.get(poolId) ?? 0) + tier.stock;
    demand.set(poolId, wanted);
    if (wanted > left) errors.push({ path: `tiers.${i}.stock`, message: `code pool ${poolId} has ${left} unissued codes, fewer than the stock of the tiers using it (${wanted})` });
  });
  return errors;
}
