// What an operator may do to a campaign in each status (seed 000 §三(二)):
//   edit     draft, scheduled, running — after publishing, tier targets are frozen (§2.1)
//   publish  draft
//   end      scheduled, running (end early)
//   delete   draft, ended
//   copy     always (a copy is a new draft)
import { AppError, conflict, type FieldError } from '../../errors.ts';
import type { CampaignConfig } from './campaign-config.ts';
import type { CampaignStatus } from './campaign-status.ts';

export const CAMPAIGN_ACTIONS = ['edit', 'publish', 'end', 'delete', 'copy'] as const;
export type CampaignAction = (typeof CAMPAIGN_ACTIONS)[number];

const ALLOWED: Record<CampaignStatus, readonly CampaignAction[]> = {
  draft: ['edit', 'publish', 'delete', 'copy'],
  scheduled: ['edit', 'end', 'copy'],
  running: ['edit', 'end', 'copy'],
  ended: ['delete', 'copy'],
};

export function allowedActions(status: CampaignStatus): readonly CampaignAction[] {
  return ALLOWED[status];
}

export function canPerform(status: CampaignStatus, action: CampaignAction): boolean {
  return ALLOWED[status].includes(action);
}

/** Throws a `conflict` AppError when the status does not allow the action. */
export function assertCanPerform(status: CampaignStatus, action: CampaignAction): void {
  if (!canPerform(status, action)) throw conflict(`cannot ${action} a ${status} campaign (allowed: ${ALLOWED[status].join(', ')})`);
}

/** Publishing needs a draft whose end is still ahead and which has something to give away. */
export function assertCanPublish(status: CampaignStatus, config: CampaignConfig, now: Date): void {
  assertCanPerform(status, 'publish');
  const fields: FieldError[] = [];
  if (Date.parse(config.endAt) <= now.getTime()) fields.push({ path: 'endAt', message: 'the end time has already passed' });
  if (config.tiers.every((t) => t.stock === 0)) fields.push({ path: 'tiers', message: 'every tier has a stock of 0, so the campaign would end at once' });
  if (fields.length) throw conflictOn(fields, 'cannot publish this campaign');
}

/**
 * Edits allowed for the status. Once published the shape participants have seen is frozen: tier
 * count and targets (seed §2.1), reward types (winners' claim flows depend on them), channel and
 * progress rule; once running the start time is history; the end may move but not into the past
 * (ending now is "end early"). Stock changes are checked against what was awarded in stock.ts.
 */
export function assertCanEdit(status: CampaignStatus, before: CampaignConfig, after: CampaignConfig, now: Date): void {
  assertCanPerform(status, 'edit');
  if (status === 'draft') return;
  const fields: FieldError[] = [];
  if (after.channel.type !== before.channel.type) fields.push({ path: 'channel.type', message: 'cannot change after publishing' });
  if (after.progressRule !== before.progressRule) fields.push({ path: 'progressRule', message: 'cannot change after publishing' });
  if (after.tiers.length !== before.tiers.length) {
    fields.push({ path: 'tiers', message: `tiers cannot be added or removed after publishing (has ${before.tiers.length})` });
  } else {
    after.tiers.forEach((tier, i) => {
      const old = before.tiers[i] as CampaignConfig['tiers'][number];
      if (tier.target !== old.target) fields.push({ path: `tiers.${i}.target`, message: `target cannot change after publishing (is ${old.target})` });
      if (tier.reward.type !== old.reward.type) fields.push({ path: `tiers.${i}.reward.type`, message: `reward type cannot change after publishing (is ${old.reward.type})` });
    });
  }
  if (status === 'running' && after.startAt !== before.startAt) fields.push({ path: 'startAt', message: 'cannot change once the campaign has started' });
  if (after.endAt !== before.endAt && Date.parse(after.endAt) <= now.getTime()) fields.push({ path: 'endAt', message: 'must be in the future; to stop now, end the campaign early' });
  if (fields.length) throw conflictOn(fields, `cannot make these changes to a ${status} campaign`);
}

function conflictOn(fields: FieldError[], message: string): AppError {
  const summary = fields.map((f) => `${f.path}: ${f.message}`).join('; ');
  return new AppError('conflict', `${message}: ${summary}`, { fields });
}
