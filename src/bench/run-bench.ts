// `fission bench`: every metric on fresh databases (PGlite, and PostgreSQL when a server URL is
// given), each figure measured in the same run as the baseline it is compared with.
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import type { BenchReport, BenchSizes, MetricName } from './bench-report.ts';
import { benchCallbackIngestion } from './callback-ingestion.ts';
import { benchDashboard } from './dashboard-stats.ts';
import { freshDatabase, type Engine, type FreshDatabase } from './fresh-database.ts';
import { evaluateGoals } from './goals.ts';
import { benchH5Bundle } from './h5-bundle.ts';
import { benchPosterThroughput } from './posters.ts';
import { benchHelpProcessing } from './help-processing.ts';
import { benchWelcomeLatency } from './welcome-latency.ts';

export interface BenchOptions {
  quick: boolean;
  databaseUrl?: string | undefined;
  metrics: readonly MetricName[];
  sizes?: Partial<BenchSizes>;
  explain?: boolean;
  log: (line: string) => void;
}

export function benchSizes(quick: boolean, overrides: Partial<BenchSizes> = {}): BenchSizes {
  const base: BenchSizes = quick
    ? { rate: 1000, seconds: 1, capacityRequests: 500, capacityClients: 64, posterRenders: 100, posterRounds: 1, statsParticipants: 20_000, statsHelps: 100_000, statsRuns: 20, searchRuns: 5,
        helps: 300, helpInviters: 20, welcomeAdds: 200, workerConcurrency: 8 }
    : { rate: 1000, seconds: 10, capacityRequests: 5000, capacityClients: 64, posterRenders: 1000, posterRounds: 3, statsParticipants: 1_000_000, statsHelps: 5_000_000, statsRuns: 50, searchRuns: 20,
        helps: 3000, helpInviters: 100, welcomeAdds: 1000, workerConcurrency: 8 };
  return { ...base, ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) };
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const load = () => loadavg().map(round1);

export async function runBench(o: BenchOptions): Promise<BenchReport> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const loadStart = load();
  const sizes = benchSizes(o.quick, o.sizes);
  const engines: Engine[] = o.databaseUrl ? ['pglite', 'postgres'] : ['pglite'];
  const wants = (m: MetricName) => o.metrics.includes(m);
  const onEach = async <T>(prefix: string, run: (f: FreshDatabase) => Promise<T>): Promise<T[]> => {
    const out: T[] = [];
    for (const engine of engines) {
      const f = await freshDatabase({ prefix, serverUrl: engine === 'postgres' ? o.databaseUrl : undefined });
      try {
        out.push(await run(f));
      } finally {
        await f.dispose();
      }
    }
    return out;
  };

  const ingestion = wants('ingestion')
    ? await onEach('fission_bench_ingest', (f) => benchCallbackIngestion(f.db, f.engine, sizes, o.log))
    : [];
  const helpProcessing = wants('help')
    ? await onEach('fission_bench_help', (f) => benchHelpProcessing(f.db, f.engine, { helps: sizes.helps, inviters: sizes.helpInviters, workerConcurrency: sizes.workerConcurrency }, o.log))
    : [];
  const welcome = wants('welcome')
    ? await onEach('fission_bench_welcome', (f) => benchWelcomeLatency(f.db, f.engine, { adds: sizes.welcomeAdds, workerConcurrency: sizes.workerConcurrency }, o.log))
    : [];
  const dashboard = wants('dashboard')
    ? await onEach('fission_bench_dash', (f) => benchDashboard(f.db, f.engine, { participants: sizes.statsParticipants, helps: sizes.statsHelps, runs: sizes.statsRuns, searchRuns: sizes.searchRuns, explain: o.explain ?? false }, o.log))
    : [];
  const posters = wants('posters') ? await benchPosterThroughput({ renders: sizes.posterRenders, rounds: sizes.posterRounds }, o.log) : null;
  const h5 = wants('h5') ? await benchH5Bundle(o.log) : null;

  const report: Omit<BenchReport, 'goals'> = {
    quick: o.quick,
    startedAt,
    wallSeconds: round1((performance.now() - started) / 1000),
    machine: {
      cpus: availableParallelism(), model: cpus()[0]?.model.trim() ?? 'unknown', node: process.version,
      memoryGb: round1(totalmem() / 2 ** 30), loadAverage: { start: loadStart, end: load() },
    },
    engines,
    sizes,
    metrics: [...o.metrics],
    ingestion,
    helpProcessing,
    welcome,
    posters,
    dashboard,
    h5,
  };
  return { ...report, goals: evaluateGoals(report) };
}
