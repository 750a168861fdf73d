// A campaign's status is derived, never stored, so it cannot go stale (seed 000 §1.2, §三(二)1):
//   draft      not published
//   scheduled  published, start time not reached (it goes live by itself at the start)
//   running    published, between start and end, some stock left
//   ended      ended early by the operator, end time reached, or every tier's stock used up

export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'running', 'ended'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export type EndReason = 'ended_early' | 'end_time' | 'sold_out';

export interface CampaignTimeline {
  publishedAt: Date | null;
  startAt: Date;
  endAt: Date;
  /** Set when the operator ends the campaign early. Any value means ended (no clock-skew games). */
  endedAt: Date | null;
  /** Stock left per tier, tier 1 first. */
  stockLeftByTier: readonly number[];
}

export function campaignStatus(t: CampaignTimeline, now: Date): CampaignStatus {
  if (t.publishedAt === null) return 'draft';
  if (endReason(t, now) !== null) return 'ended';
  return now.getTime() < t.startAt.getTime() ? 'scheduled' : 'running';
}

/** Why a published campaign is over, or null while it is not. An early end wins over the others. */
export function endReason(t: CampaignTimeline, now: Date): EndReason | null {
  if (t.publishedAt === null) return null;
  if (t.endedAt !== null) return 'ended_early';
  if (now.getTime() >= t.endAt.getTime()) return 'end_time';
  if (t.stockLeftByTier.length > 0 && t.stockLeftByTier.every((left) => left <= 0)) return 'sold_out';
  return null;
}
