// `fission simulate`: plays a crowd through the WeChat sandbox (src/simulate). Progress on stderr;
// the result as text, or with --json exactly one JSON object on stdout. Exits 1 when an invariant
// was violated.
import { Command, Option } from 'commander';
import { SCENARIO_NAMES } from '../../simulate/scenarios.ts';
import { parseSimulateFlags } from '../../simulate/options.ts';
import { runSimulation, type SimulationResult } from '../../simulate/run-simulation.ts';

export function simulateCommand(program: Command): void {
  program.command('simulate')
    .description('play a crowd through the WeChat sandbox against a fresh embedded instance (or --url), then check the invariants')
    .option('--scenario <name>', `${SCENARIO_NAMES.join(' | ')} (default task-wecom)`)
    .option('--participants <n>', 'run until this many people joined (fresh seed people scan the campaign code if the cascade dies out) (default 200)')
    .option('--seeds <n>', 'seed people who scan the campaign code at the start (and at each re-seed) (default 10)')
    .option('--shares <dist>', 'shares per participant: fixed:N | poisson:MEAN | geometric:MEAN | uniform:MIN-MAX | K:W,K:W,… (default poisson:4)')
    .option('--scan-probability <p>', 'chance a share is opened (default 0.6)')
    .option('--complete-probability <p>', 'chance whoever opened it adds the staff member (default 0.7)')
    .option('--rescan-probability <p>', 'chance a share is opened by someone already in the crowd (default 0.05)')
    .option('--churn-probability <p>', 'chance a person later deletes the staff member (default 0.05)')
    .option('--churn-delay <s>', 'mean seconds before they do (uniform 0.5–1.5×) (default 10)')
    .option('--duplicate-rate <p>', 'sandbox fault injection: callbacks sent twice (default 0)')
    .option('--reorder-rate <p>', 'sandbox fault injection: callbacks held back behind the next one (default 0)')
    .option('--loss-rate <p>', 'sandbox fault injection: callbacks never sent (default 0)')
    .option('--concurrency <n>', 'people acting at once (default 16)')
    .option('--seed <n>', 'same seed, same crowd (default 1)')
    .option('--tiers <list>', 'tiers as TARGET:STOCK pairs, e.g. 3:1000,8:50')
    .option('--staff <userids>', 'comma-separated staff pool of the campaign (default: the corp\'s first two)')
    .option('--churn-policy <p>', 'deduct | ignore')
    .option('--helps-per-helper <n>', 'inviters one person may help')
    .option('--campaign-file <path>', 'JSON object of campaign settings (channel, tiers, rules, welcomeTexts…), under the flags above')
    .option('--timeout <s>', 'give up after this many seconds (default 1800)')
    .option('--json', 'print exactly one JSON object')
    .option('--url <url>', 'a running server instead of a fresh embedded instance (its sandbox at /sandbox)')
    .addOption(new Option('--database-url <url>', 'embedded: run on a fresh database created on this PostgreSQL server; with --url: that server\'s database, read for the invariant checks').env('DATABASE_URL'))
    .addOption(new Option('--admin-email <email>', 'with --url: an operator of the workspace').env('FISSION_ADMIN_EMAIL'))
    .addOption(new Option('--admin-password <password>', 'with --url: their password').env('FISSION_ADMIN_PASSWORD'))
    .option('--workspace <slug>', 'with --url: the workspace linked to the sandbox (default demo)')
    .option('--worker-concurrency <n>', 'embedded: jobs a worker runs at once per queue (default FISSION_WORKER_CONCURRENCY or 8)')
    .option('--keep-data', 'embedded: keep the database and sandbox folder afterwards')
    .action(async (raw: Record<string, unknown>) => {
      const o = parseSimulateFlags(raw);
      const t0 = performance.now();
      const log = (line: string) => process.stderr.write(`[${((performance.now() - t0) / 1000).toFixed(1)}s] ${line}\n`);
      const r = await runSimulation(o, log);
      process.stdout.write(o.json ? `${JSON.stringify(r)}\n` : formatResult(r));
      if (!r.invariants.ok) process.exitCode = 1;
      process.exit();
    });
}

function formatResult(r: SimulationResult): string {
  const kv = (o: Record<string, number>) => Object.entries(o).map(([k, v]) => `${k}: ${v}`).join(', ') || 'none';
  return [
    `scenario ${r.scenario}, seed ${r.seed}, ${r.target.kind} (${r.target.engine ?? 'no database'}), campaign ${r.campaign_id}`,
    `participants ${r.participants}; helps valid ${r.helps.valid}, revoked ${r.helps.revoked}, invalid {${kv(r.helps.invalid)}}`,
    `completed by tier {${kv(r.completed)}}; rewards reserved ${r.rewards_reserved}; stock left {${kv(r.stock_left)}}`,
    `levels: max ${r.max_level}, {${kv(r.level_histogram)}}`,
    `${r.wall_s} s wall, ${r.callbacks} callbacks answered (${r.callbacks_per_s}/s while the crowd played)`,
    `crowd: ${r.crowd.people} people, ${r.crowd.adds} adds, scans {${kv(r.crowd.scanOutcomes)}}, links {${kv(r.crowd.linksReceived)}}, churned ${r.crowd.churned}, gave up ${r.crowd.gaveUp}, re-seeds ${r.crowd.reseeds}` +
      (Object.keys(r.crowd.errors).length ? `, errors {${kv(r.crowd.errors)}}` : ''),
    ...(r.service ? [`service: inbox {${kv(r.service.inbox)}}, welcomes {${kv(r.service.welcomes)}}, retried {${kv(r.service.retried)}}, failed jobs {${kv(r.service.failedJobs)}}`] : []),
    `invariants: ${r.invariants.ok ? 'ok' : 'VIOLATED'} (${r.invariants.checked.length} checked${r.invariants.skipped.length ? `; skipped: ${r.invariants.skipped.map((s) => s.reason).join('; ')}` : ''})`,
    ...r.invariants.violations.map((v) => `  ${v.invariant}: ${v.detail}`),
    '',
  ].join('\n');
}
