// What the load generator (load-worker.ts, in its own thread) is asked to do and reports back.

export interface LoadRequest {
  /** Path and query, sent as POST with a text/xml body. */
  path: string;
  body: string;
}

export type LoadPlan =
  /** Open loop: request i is due at start + i / rate, whether or not earlier ones were answered. */
  | { mode: 'open'; rate: number }
  /** Closed loop: `concurrency` clients, each sending its next request when the last is answered. */
  | { mode: 'closed'; concurrency: number };

export interface LoadJob {
  origin: string;
  requests: LoadRequest[];
  plan: LoadPlan;
  timeoutMs: number;
}

export interface LoadResult {
  /** Per request, ms: answer time − due time (open loop) or − send time (closed loop); NaN if failed. */
  latencies: Float64Array;
  ok: number;
  /** Non-200 answers by status, and transport errors by message. */
  failures: Record<string, number>;
  /** First due time to last answer, ms. */
  elapsedMs: number;
  /** Open loop: the most a request was sent after its due time (the generator keeping up), ms. */
  maxSendLagMs: number;
  /** CPU time of the load generator's thread during the run, ms. */
  clientCpuMs: number;
}
