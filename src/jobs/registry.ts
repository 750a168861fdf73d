// Every job the workers run: its definition and the handler built from the process's dependencies.
// Areas add their entries here.
import type { Db } from '../db/client.ts';
import type { Config } from '../config.ts';
import type { JobDef } from './define-job.ts';
import type { JobHandler, JobQueue } from './queue.ts';
import { ProbeJob, probeHandler } from './probe.ts';
import { InboxProcessJob } from '../modules/inbox/inbox-job.ts';
import { processInboxEvent } from '../modules/inbox/process-inbox-event.ts';
import { FISSION_WORKERS } from './fission/handlers.ts';
import { CUSTOMER_WORKERS } from './customers/handlers.ts';
import { registerFissionInboxHandlers } from '../modules/fission/handle-contact-change.ts';
import { scheduleAllDailyReconciles } from '../modules/fission/schedule-contact-way-reconcile.ts';

export interface WorkerDeps {
  db: Db;
  config: Config;
  jobs: JobQueue;
}

export interface Worker<T> {
  def: JobDef<T>;
  handler: (deps: WorkerDeps) => JobHandler<T>;
}

const worker = <T>(def: JobDef<T>, handler: (deps: WorkerDeps) => JobHandler<T>): Worker<T> => ({ def, handler });

export const WORKERS: ReadonlyArray<Worker<any>> = [
  worker(ProbeJob, probeHandler),
  worker(InboxProcessJob, (deps) => async (p) => void (await processInboxEvent(deps, p))),
  ...FISSION_WORKERS,
  ...CUSTOMER_WORKERS,
];

export const ALL_QUEUES = WORKERS.map((w) => w.def);

export async function startWorkers(deps: WorkerDeps): Promise<void> {
  registerFissionInboxHandlers();
  for (const w of WORKERS) await deps.jobs.work(w.def, deps.config.workerConcurrency, w.handler(deps));
  // Periodic jobs are chains (each run plans the next); a start re-plants any chain that broke.
  await scheduleAllDailyReconciles(deps.db, deps.jobs);
}
