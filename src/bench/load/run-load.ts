// Runs one load job in a worker thread (load-worker.ts) and summarises it, with the CPU time the
// rest of the process (the server, and PGlite when embedded) spent per request: wall-clock rates
// on a shared machine vary with other load, CPU per request much less.
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
  /** This process's CPU time per request, the load generator's thread excluded, ms. */
  serverCpuMsPerRequest: number;
  /** The PostgreSQL backends' CPU time per request, ms (server-cpu.ts); null on PGlite (inside
   *  this process, so already in serverCpuMsPerRequest) or when it cannot be read. */
  dbCpuMsPerRequest?: number | null;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const round2 = (n: number) => Math.round(n * 100) / 100;

export function runLoad(job: LoadJob): Promise<LoadSummary> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('./load-worker.ts', import.meta.url), { workerData: job });
    let cpuStart = 0;
    w.once('error', reject);
    w.on('message', (m: { type: 'ready' } | { type: 'done'; result: LoadResult }) => {
      if (m.type === 'ready') {
        cpuStart = cpuMs();
        w.postMessage('go');
        return;
      }
      const r = m.result;
      const serverCpu = cpuMs() - cpuStart - r.clientCpuMs;
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
        maxSendLagMs: round2(r.maxSendLagMs),
        serverCpuMsPerRequest: round2(serverCpu / job.requests.length),
      });
    });
  });
}
