// Handlers of the task-fission jobs (definitions: ./definitions.ts): each parses nothing itself
// (the queue validated the payload) and calls one use case.
import type { Worker, WorkerDeps } from '../registry.ts';
import type { JobHandler } from '../queue.ts';
import type { JobDef } from '../define-job.ts';
import { AppError } from '../../errors.ts';
import { cleanupContactWays } from '../../modules/fission/cleanup-contact-ways.ts';
import { ensureContactWay } from '../../modules/fission/ensure-contact-way.ts';
import { markCustomerTags } from '../../modules/fission/mark-customer-tags.ts';
import { notifyInviterProgress } from '../../modules/fission/notify-inviter-progress.ts';
import { notifyTierReached } from '../../modules/fission/notify-tier-reached.ts';
import { reconcileContactWays } from '../../modules/fission/reconcile-contact-ways.ts';
import { sendWelcome } from '../../modules/fission/send-welcome.ts';
import { sendWelcomeFallback } from '../../modules/fission/send-welcome-fallback.ts';
import { watchCampaignEnd } from '../../modules/fission/watch-campaign-end.ts';
import {
  CampaignEndWatchJob, CleanupContactWaysJob, EnsureContactWayJob, MarkTagsJob, NotifyInviterProgressJob, NotifyTierReachedJob, ReconcileContactWaysJob, SendWelcomeFallbackJob, SendWelcomeJob,
} from './definitions.ts';

const ignoreConflict = (err: unknown) => {
  if (!(err instanceof AppError && err.code === 'conflict')) throw err;
};

const worker = <T>(def: JobDef<T>, handler: (deps: WorkerDeps) => JobHandler<T>): Worker<T> => ({ def, handler });

export const FISSION_WORKERS: ReadonlyArray<Worker<any>> = [
  worker(SendWelcomeJob, (deps) => async (p, ctx) => sendWelcome(deps, p, { retryCount: ctx.retryCount, retryLimit: SendWelcomeJob.retry.retryLimit })),
  worker(SendWelcomeFallbackJob, (deps) => async (p, ctx) => sendWelcomeFallback(deps, p, { retryCount: ctx.retryCount, retryLimit: SendWelcomeFallbackJob.retry.retryLimit })),
  worker(MarkTagsJob, (deps) => async (p) => void (await markCustomerTags(deps, p))),
  worker(NotifyTierReachedJob, (deps) => async (p) => void (await notifyTierReached(deps, p))),
  worker(NotifyInviterProgressJob, (deps) => async (p, ctx) => void (await notifyInviterProgress(deps, p, { retryCount: ctx.retryCount, retryLimit: NotifyInviterProgressJob.retry.retryLimit }))),
  // A campaign that ended (or vanished) before its code was made needs no code: nothing to retry.
  worker(EnsureContactWayJob, (deps) => async (p) => void (await ensureContactWay(deps, p).catch(ignoreConflict))),
  worker(CleanupContactWaysJob, (deps) => async (p) => void (await cleanupContactWays(deps, p))),
  worker(CampaignEndWatchJob, (deps) => async (p) => void (await watchCampaignEnd(deps.db, deps.jobs, p))),
  // A workspace without WeCom credentials (any more) has nothing to reconcile: nothing to retry.
  worker(ReconcileContactWaysJob, (deps) => async (p) => void (await reconcileContactWays(deps, p).catch(ignoreConflict))),
];
