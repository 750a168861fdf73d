// Jobs of the task-fission flows (handlers: ./handlers.ts). Each is idempotent and enqueued in
// the transaction that causes it, with an idempotency key naming its one effect.
import { z } from 'zod';
import { defineJob } from '../define-job.ts';

const ws = z.uuid();
const id = z.number().int().positive();
const userId = z.string().min(1).max(64);

/**
 * send_welcome_msg with the add event's WelcomeCode, which WeCom honours for 20 s only: its own
 * queue (never behind slow jobs), key = the welcome code, retries after 1, 2, 4 s.
 */
export const SendWelcomeJob = defineJob('fission.welcome.send', z.object({ workspaceId: ws, attemptId: id }), {
  retryLimit: 3, retryDelay: 1, retryDelayMax: 4, expireInSeconds: 30,
});

/** The fallback when the code was missing or unusable: a staff-confirmed group-send (≤ 1 a day per customer). */
export const SendWelcomeFallbackJob = defineJob('fission.welcome.fallback', z.object({ workspaceId: ws, attemptId: id }), {
  retryLimit: 5, retryDelay: 10, retryDelayMax: 600, expireInSeconds: 60,
});

/** mark_tag: the campaign's corp tags on (join) or off (the friend was deleted). */
export const MarkTagsJob = defineJob('fission.tags.mark', z.object({
  workspaceId: ws,
  staffUserId: userId,
  externalUserId: z.string().min(1).max(128),
  addTagIds: z.array(z.string().min(1).max(64)).max(20),
  removeTagIds: z.array(z.string().min(1).max(64)).max(20),
}), { retryLimit: 6, retryDelay: 5, retryDelayMax: 600, expireInSeconds: 60 });

/** App message to the participant's staff member when a tier was reached and its prize reserved. */
export const NotifyTierReachedJob = defineJob('fission.staff.notify-tier', z.object({ workspaceId: ws, rewardId: id }), {
  retryLimit: 5, retryDelay: 5, retryDelayMax: 600, expireInSeconds: 60,
});

/**
 * OA template message to the inviter of a help that counted (with the tiers it completed), where the
 * workspace has an OA and a progress template. Key = the help: one message per help.
 */
export const NotifyInviterProgressJob = defineJob('fission.oa.notify-progress', z.object({
  workspaceId: ws,
  helpId: id,
  /** The inviter's count right after the help. */
  count: z.number().int().min(1),
  reachedTierNos: z.array(z.number().int().min(1).max(5)).max(5),
}), { retryLimit: 5, retryDelay: 10, retryDelayMax: 600, expireInSeconds: 60 });

/** Creates a campaign's own code (participantId null) or a participant's help code at WeCom. */
export const EnsureContactWayJob = defineJob('fission.contact-way.ensure', z.object({ workspaceId: ws, campaignId: id, participantId: id.nullable() }), {
  retryLimit: 6, retryDelay: 5, retryDelayMax: 600, expireInSeconds: 60,
});

/** Deletes an ended campaign's contact ways at WeCom, a batch per run (re-enqueues itself while some are left); its prizes' service codes when the claim window closes. */
export const CleanupContactWaysJob = defineJob('fission.contact-ways.cleanup', z.object({ workspaceId: ws, campaignId: id }), {
  retryLimit: 10, retryDelay: 30, retryDelayMax: 3600, expireInSeconds: 600,
});

/** Runs at the campaign's end time: starts the clean-up, or waits again if the end was moved later. */
export const CampaignEndWatchJob = defineJob('fission.campaign.end-watch', z.object({ workspaceId: ws, campaignId: id, endAt: z.iso.datetime() }), {
  retryLimit: 10, retryDelay: 30, retryDelayMax: 3600, expireInSeconds: 60,
});

const count = z.number().int().min(0);
export const ReconcileTotals = z.object({ listed: count, deleted: count, keptForeign: count, keptInFlight: count });
/** A pass over WeCom's list of the corp's codes, at `cursor`, with the leaked codes found so far. */
export const ReconcilePage = z.object({
  cursor: z.string().max(512), startedAt: z.iso.datetime(), totals: ReconcileTotals, doomed: z.array(z.string().min(1).max(64)).max(1000),
});

/**
 * Deletes codes WeCom has that carry our state and mark but that we hold no live row for (made just
 * before a crash). `page` null starts a pass; each run handles one page of list_contact_way and
 * enqueues the next. Daily per workspace, and on demand.
 */
export const ReconcileContactWaysJob = defineJob('fission.contact-ways.reconcile', z.object({ workspaceId: ws, page: ReconcilePage.nullable() }), {
  retryLimit: 8, retryDelay: 60, retryDelayMax: 3600, expireInSeconds: 900,
});

export const FISSION_JOBS = [
  SendWelcomeJob, SendWelcomeFallbackJob, MarkTagsJob, NotifyTierReachedJob, NotifyInviterProgressJob, EnsureContactWayJob, CleanupContactWaysJob, CampaignEndWatchJob, ReconcileContactWaysJob,
] as const;
