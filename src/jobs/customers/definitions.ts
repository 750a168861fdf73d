// Jobs of the customer directory (handlers: ./handlers.ts).
import { z } from 'zod';
import { defineJob } from '../define-job.ts';

/** Pulls the customers of a customer_pulls row's staff (externalcontact/batch/get_by_user, paged). */
export const PullCustomersJob = defineJob('customers.pull', z.object({ workspaceId: z.uuid(), pullId: z.number().int().positive() }), {
  retryLimit: 5, retryDelay: 30, retryDelayMax: 1800, expireInSeconds: 3600,
});

export const CUSTOMER_JOBS = [PullCustomersJob] as const;
