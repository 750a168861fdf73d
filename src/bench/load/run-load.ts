// Runs one load job in a worker thread (load-worker.ts) and summarises it.
import { Worker } from 'node:worker_threads';
import { summarize, type LatencySummary } from '../percentiles.ts';
import type { LoadJob, LoadResult } from './load-types.ts';

export interface LoadSummary {
  mode: 'open' | 'closed';
  /** Requests per second offered (open loop) or clients (closed loop). */
  offered: number;
  requests: number;
  ok: number;
  failures: Record<string, number>;
  /** Successful answers per second, first due time to last answer. */
  perSecond: number;
  latencyMs: LatencySummary;
  maxSendLagMs: number;
}

export function runLoad(job: LoadJob): Promise<LoadSummary> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('./load-worker.ts', import.meta.url), { workerData: job });
    w.once('error', reject);
    w.once('message', (r: LoadResult) => {
      void w.terminate();
      const ok = Array.from(r.latencies).filter((x) => !Number.isNaN(x));
      resolve({
        mode: job.plan.mode,
        offered: job.plan.mode === 'open' ? job.plan.rate : job.plan.concurrency,
        requests: job.requests.length,
        ok: r.ok,
        failures: r.failures,
        perSecond: Math.round((r.ok / (r.elapsedMs / 1000)) * 10) / 10,
        latencyMs: summarize(ok),
        maxSendLagMs: Math.round(r.maxSendLagMs * 100) / 100,
      });
    });
  });
}
