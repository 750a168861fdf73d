// Latency summaries for the benchmarks: nearest-rank percentiles over every sample (no histogram
// buckets, no sampling), so a p99 is an actual observed latency.

export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/** The nearest-rank percentile `p` (0 < p ≤ 100) of ascending `sorted` values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1]!;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Milliseconds in, milliseconds out (two decimals). An empty list summarises to NaNs. */
export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = Float64Array.from(samples).sort();
  const arr = Array.from(sorted);
  const sum = arr.reduce((a, b) => a + b, 0);
  return {
    count: arr.length,
    p50: round2(percentile(arr, 50)),
    p90: round2(percentile(arr, 90)),
    p99: round2(percentile(arr, 99)),
    max: round2(arr.length ? arr[arr.length - 1]! : Number.NaN),
    mean: round2(arr.length ? sum / arr.length : Number.NaN),
  };
}
