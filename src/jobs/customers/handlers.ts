// Handlers of the customer-directory jobs (definitions: ./definitions.ts).
import type { Worker, WorkerDeps } from '../registry.ts';
import type { JobHandler } from '../queue.ts';
import type { JobDef } from '../define-job.ts';
import { pullCustomers } from '../../modules/customers/pull-customers.ts';
import { PullCustomersJob } from './definitions.ts';

const worker = <T>(def: JobDef<T>, handler: (deps: WorkerDeps) => JobHandler<T>): Worker<T> => ({ def, handler });

export const CUSTOMER_WORKERS: ReadonlyArray<Worker<any>> = [
  worker(PullCustomersJob, (deps) => async (p, ctx) => void (await pullCustomers(deps, p, { retryCount: ctx.retryCount, retryLimit: PullCustomersJob.retry.retryLimit }))),
];
