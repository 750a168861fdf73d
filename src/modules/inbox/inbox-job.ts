// The job that processes one inbox row (enqueued with the row, keyed by its id).
import { z } from 'zod';
import { defineJob } from '../../jobs/define-job.ts';

export const InboxProcessJob = defineJob('inbox.process', z.object({ workspaceId: z.uuid(), inboxId: z.uuid() }), {
  retryLimit: 5, retryDelay: 5, retryDelayMax: 300, expireInSeconds: 120,
});
