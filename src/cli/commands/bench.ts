// `fission bench`: the benchmark harness (src/bench). Prints a table, or with --json one JSON
// object on stdout; progress goes to stderr. Exits 1 when generated data failed its invariants
// (then no figure can be trusted); missed goals are reported, not an error.
import { Command, Option } from 'commander';
import { z } from 'zod';
import { ConfigError } from '../../config.ts';
import { METRICS, type MetricName } from '../../bench/bench-report.ts';
import { formatReport } from '../../bench/format-report.ts';
import { runBench } from '../../bench/run-bench.ts';

const count = z.coerce.number().int().positive();
const Flags = z.object({
  quick: z.boolean().default(false),
  json: z.boolean().default(false),
  explain: z.boolean().default(false),
  databaseUrl: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  only: z.string().optional().transform((s, ctx) => {
    const list = (s ?? METRICS.join(',')).split(',').map((x) => x.trim()).filter(Boolean);
    const bad = list.filter((x) => !(METRICS as readonly string[]).includes(x));
    if (bad.length) ctx.addIssue({ code: 'custom', message: `unknown metric ${bad.join(', ')} (choose from ${METRICS.join(', ')})` });
    return list as MetricName[];
  }),
  rate: count.optional(),
  seconds: z.coerce.number().positive().optional(),
  capacityRequests: count.optional(),
  capacityClients: count.optional(),
  statsParticipants: count.optional(),
  statsHelps: count.optional(),
  statsRuns: count.optional(),
  searchRuns: count.optional(),
  posterRenders: count.optional(),
  posterRounds: count.optional(),
  helps: count.optional(),
  helpInviters: count.optional(),
  welcomeAdds: count.optional(),
  workerConcurrency: count.max(256).optional(),
});

const FLAG_NAMES: Record<string, string> = { databaseUrl: '--database-url', capacityRequests: '--capacity-requests', capacityClients: '--capacity-clients', statsParticipants: '--stats-participants', statsHelps: '--stats-helps', statsRuns: '--stats-runs', searchRuns: '--search-runs', posterRenders: '--poster-renders', posterRounds: '--poster-rounds', helpInviters: '--help-inviters', welcomeAdds: '--welcome-adds', workerConcurrency: '--worker-concurrency' };

/** Parses the flags; bad values throw ConfigError naming each flag (exit 2). */
export function parseBenchFlags(raw: Record<string, unknown>): z.output<typeof Flags> {
  const r = Flags.safeParse(raw);
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => {
    const key = String(i.path[0]);
    return `${FLAG_NAMES[key] ?? `--${key}`}: ${i.message} (got ${JSON.stringify(raw[key])})`;
  });
  throw new ConfigError(`fission bench: invalid options:\n  ${lines.join('\n  ')}`);
}

export function benchCommand(program: Command): void {
  program.command('bench')
    .description('the benchmark harness: callback ingestion, help processing, welcome latency, posters, dashboard stats, H5 bundle, each against its baseline')
    .option('--quick', 'small sizes (CI); without it, the full sizes of docs/benchmarks.md')
    .option('--json', 'print one JSON object instead of tables')
    .addOption(new Option('--database-url <url>', 'also measure on PostgreSQL: a fresh database is created on this server and dropped afterwards').env('DATABASE_URL'))
    .option('--only <metrics>', `comma-separated subset of: ${METRICS.join(', ')}`)
    .option('--rate <n>', 'callbacks per second of the open-loop ingestion runs (default 1000)')
    .option('--seconds <n>', 'length of each open-loop ingestion run (default 10, quick 1)')
    .option('--capacity-requests <n>', 'callbacks of each ingestion capacity run (default 5000, quick 500)')
    .option('--capacity-clients <n>', 'concurrent clients of the capacity runs (default 64)')
    .option('--stats-participants <n>', 'participants of the dashboard campaign (default 1,000,000, quick 20,000)')
    .option('--stats-helps <n>', 'helps of the dashboard campaign (default 5,000,000, quick 100,000)')
    .option('--stats-runs <n>', 'timed runs of the stats use case (default 50, quick 20)')
    .option('--search-runs <n>', 'timed runs of each participant-search fragment on the dashboard campaign (default 20, quick 5)')
    .option('--poster-renders <n>', 'posters per round (default 1000, quick 100)')
    .option('--poster-rounds <n>', 'poster rounds, best reported (default 3, quick 1)')
    .option('--helps <n>', 'add events processed into helps per engine (default 3000, quick 300)')
    .option('--help-inviters <n>', 'inviters those helps are spread over (default 100, quick 20)')
    .option('--welcome-adds <n>', 'adds in the welcome-latency burst (default 1000, quick 200)')
    .option('--worker-concurrency <n>', 'jobs a worker runs at once per queue (default 8)')
    .option('--explain', 'include EXPLAIN ANALYZE of the dashboard queries')
    .action(async (raw: Record<string, unknown>) => {
      const f = parseBenchFlags(raw);
      const report = await runBench({
        quick: f.quick,
        databaseUrl: f.databaseUrl,
        metrics: f.only,
        explain: f.explain,
        sizes: {
          rate: f.rate, seconds: f.seconds, capacityRequests: f.capacityRequests, capacityClients: f.capacityClients,
          statsParticipants: f.statsParticipants, statsHelps: f.statsHelps, statsRuns: f.statsRuns, searchRuns: f.searchRuns, posterRenders: f.posterRenders, posterRounds: f.posterRounds,
          helps: f.helps, helpInviters: f.helpInviters, welcomeAdds: f.welcomeAdds, workerConcurrency: f.workerConcurrency,
        },
        log: (line) => process.stderr.write(`${line}\n`),
      });
      process.stdout.write(f.json ? `${JSON.stringify(report)}\n` : `${formatReport(report)}\n`);
      if (f.explain && !f.json) for (const d of report.dashboard) process.stdout.write(`\nEXPLAIN ANALYZE [${d.engine}]\n${(d.explain ?? []).join('\n')}\n`);
      const broken = report.dashboard.filter((d) => !d.invariants.ok);
      if (broken.length) {
        process.stderr.write(`fission bench: the generated dashboard data broke its invariants on ${broken.map((d) => d.engine).join(', ')}; these figures cannot be trusted.\n`);
        process.exitCode = 1;
      }
      // Worker threads and pools are closed; leave nothing pending.
      process.exit();
    });
}
