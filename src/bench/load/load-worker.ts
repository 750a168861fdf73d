// The load generator, run in a worker thread so that its event loop is not the server's: sends
// the requests it is given over keep-alive HTTP/1.1 and times each answer. In open-loop mode the
// latency of a request is measured from the moment it was due, so a server (or generator) falling
// behind shows as latency instead of silently lowering the offered rate (no coordinated omission).
import { parentPort, workerData } from 'node:worker_threads';
import http from 'node:http';
import type { LoadJob, LoadRequest, LoadResult } from './load-types.ts';

const job = workerData as LoadJob;
const origin = new URL(job.origin);
const agent = new http.Agent({ keepAlive: true, maxSockets: job.plan.mode === 'open' ? 2048 : job.plan.concurrency });

function send(r: LoadRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      agent, host: origin.hostname, port: origin.port, method: 'POST', path: r.path,
      headers: { 'content-type': 'text/xml', 'content-length': Buffer.byteLength(r.body) },
      timeout: job.timeoutMs,
    }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(r.body);
  });
}

async function run(): Promise<LoadResult> {
  const n = job.requests.length;
  const latencies = new Float64Array(n).fill(Number.NaN);
  const failures: Record<string, number> = {};
  let ok = 0;
  let lastAnswer = 0;
  const one = async (i: number, dueAt: number) => {
    try {
      const status = await send(job.requests[i]!);
      const now = performance.now();
      lastAnswer = Math.max(lastAnswer, now);
      if (status === 200) {
        ok++;
        latencies[i] = now - dueAt;
      } else failures[`HTTP ${status}`] = (failures[`HTTP ${status}`] ?? 0) + 1;
    } catch (err) {
      const key = err instanceof Error ? err.message : String(err);
      failures[key] = (failures[key] ?? 0) + 1;
    }
  };

  const start = performance.now() + 20;
  let maxSendLagMs = 0;
  if (job.plan.mode === 'open') {
    const interval = 1000 / job.plan.rate;
    const inflight: Promise<void>[] = [];
    let i = 0;
    while (i < n) {
      const now = performance.now();
      while (i < n && start + i * interval <= now) {
        const due = start + i * interval;
        maxSendLagMs = Math.max(maxSendLagMs, now - due);
        inflight.push(one(i, due));
        i++;
      }
      if (i < n) await new Promise((r) => setTimeout(r, Math.max(0, start + i * interval - performance.now())));
    }
    await Promise.all(inflight);
  } else {
    while (performance.now() < start);
    let next = 0;
    const lane = async () => {
      while (next < n) {
        const i = next++;
        await one(i, performance.now());
      }
    };
    await Promise.all(Array.from({ length: job.plan.concurrency }, lane));
  }
  agent.destroy();
  return { latencies, ok, failures, elapsedMs: lastAnswer - start, maxSendLagMs, clientCpuMs: 0 };
}

const cpuMs = () => {
  const u = process.threadCpuUsage();
  return (u.user + u.system) / 1000;
};
// Handshake: the main thread starts its process CPU clock between 'ready' and 'go', so this
// thread's own CPU can be taken out of it (what remains is the server's).
parentPort!.postMessage({ type: 'ready' });
parentPort!.once('message', async () => {
  const cpuStart = cpuMs();
  const result = await run();
  result.clientCpuMs = cpuMs() - cpuStart;
  parentPort!.postMessage({ type: 'done', result }, [result.latencies.buffer as ArrayBuffer]);
});
