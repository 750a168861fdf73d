// `fission bench` without --json: the report as plain-text tables.
import type { BenchReport } from './bench-report.ts';
import type { LoadSummary } from './load/run-load.ts';

/** Columns padded to their widest cell; a column of numbers (header aside) is right-aligned. */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const numeric = rows[0]!.map((_, c) => rows.slice(1).every((r) => /^[-+]?[\d.,/]+$/.test(r[c] ?? '')));
  return rows.map((r) => r.map((cell, c) => (numeric[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd()).join('\n');
}

const failures = (l: LoadSummary) => Object.entries(l.failures).map(([k, n]) => `${n} ${k}`).join(', ');

export function formatReport(r: BenchReport): string {
  const out: string[] = [];
  const m = r.machine;
  out.push(`Fission bench${r.quick ? ' (quick sizes)' : ''}: ${m.cpus} × ${m.model}, ${m.memoryGb} GB, Node ${m.node}; load average ${m.loadAverage.start[0]} → ${m.loadAverage.end[0]}; ${r.wallSeconds} s`);

  if (r.ingestion.length) {
    out.push('', `Callback ingestion: encrypted, signed change_external_contact callbacks over loopback (${r.sizes.seconds} s at ${r.sizes.rate}/s open loop; capacity: ${r.sizes.capacityRequests} from ${r.sizes.capacityClients} clients)`);
    const rows = [['engine', 'run', 'answered/s', 'ok/sent', 'p50 ms', 'p99 ms', 'max ms', 'app CPU ms/callback', 'PG CPU ms/callback', 'failures']];
    for (const i of r.ingestion) {
      const line = (run: string, l: LoadSummary) => rows.push([i.engine, run, String(l.perSecond), `${l.ok}/${l.requests}`, String(l.latencyMs.p50), String(l.latencyMs.p99), String(l.latencyMs.max), String(l.serverCpuMsPerRequest), l.dbCpuMsPerRequest == null ? '-' : String(l.dbCpuMsPerRequest), failures(l)]);
      line(`route, ${r.sizes.rate}/s`, i.atRate.route);
      line(`baseline, ${r.sizes.rate}/s`, i.atRate.baseline);
      line('route, capacity', i.capacity.route);
      line(`baseline, capacity (route ${i.capacity.ratio}×)`, i.capacity.baseline);
    }
    out.push(table(rows));
  }

  if (r.helpProcessing.length) {
    out.push('', `Help processing: ${r.sizes.helps} add events in the inbox → helps recorded (${r.sizes.helpInviters} inviters, ${r.sizes.workerConcurrency} jobs at once); baseline: insert help + count, ${r.sizes.workerConcurrency} lanes`);
    const rows = [['engine', 'helps/s', 'baseline/s', 'ratio', 'app CPU ms/help', 'baseline', 'PG CPU ms/help', 'baseline', 'outcomes']];
    const orDash = (n: number | null | undefined) => (n == null ? '-' : String(n));
    for (const h of r.helpProcessing) {
      rows.push([h.engine, String(h.perSecond), String(h.baselinePerSecond), String(h.ratio), String(h.cpuMsPerHelp), String(h.baselineCpuMsPerHelp), orDash(h.dbCpuMsPerHelp), orDash(h.baselineDbCpuMsPerHelp),
        Object.entries(h.outcomes).map(([k, n]) => `${k} ${n}`).join(', ')]);
    }
    out.push(table(rows));
  }

  if (r.welcome.length) {
    out.push('', `Welcome latency: ${r.sizes.welcomeAdds} adds in one burst → welcome sent (add → callback stored → add processed → sent)`);
    const rows = [['engine', 'burst adds/s', 'sent', 'not sent', 'p50 ms', 'p99 ms', 'p99 all ms', 'to inbox p50/p99', 'processing p50/p99', 'to sent p50/p99', 'total s']];
    for (const w of r.welcome) {
      const st = (l: { p50: number; p99: number }) => `${Math.round(l.p50)}/${Math.round(l.p99)}`;
      rows.push([w.engine, String(w.burstPerSecond), String(w.sent), Object.entries(w.notSent).map(([k, n]) => `${k} ${n}`).join(', ') || '0', String(w.latencyMs.p50), String(w.latencyMs.p99),
        w.p99AllMs === null ? 'unbounded' : String(w.p99AllMs), st(w.stagesMs.toInbox), st(w.stagesMs.toProcessed), st(w.stagesMs.toSent), String(w.seconds)]);
    }
    out.push(table(rows));
  }

  if (r.dashboard.length) {
    out.push('', `Dashboard stats use case (${r.sizes.statsRuns} runs after 3 warm-up), and its trend by hour over the busiest day (${r.sizes.statsRuns} runs)`);
    const rows = [['engine', 'participants', 'helps', 'max level', 'counter rows', 'generated s', 'invariants', 'p50 ms', 'p99 ms', 'max ms', 'CPU ms/run', 'by hour p50/p99 ms', 'day (joined)']];
    for (const d of r.dashboard) {
      rows.push([d.engine, d.campaign.participants.toLocaleString('en'), d.campaign.helps.toLocaleString('en'), String(d.campaign.maxLevel), String(d.counterRows), String(d.campaign.seconds),
        d.invariants.ok ? 'ok' : `${d.invariants.violations.length} violations`, String(d.queryMs.p50), String(d.queryMs.p99), String(d.queryMs.max), String(d.cpuMsPerRun),
        `${d.hourlyMs.p50}/${d.hourlyMs.p99}`, `${d.hourlyDay} (${d.hourlyParticipants.toLocaleString('en')})`]);
    }
    out.push(table(rows));
    for (const d of r.dashboard) for (const v of d.invariants.violations) out.push(`  [${d.engine}] ${v.invariant}: ${v.detail}`);

    out.push('', `Participant search on the same campaign: first page (20 rows) of the admin list, ${r.sizes.searchRuns} runs per fragment; unindexed: once, nickname index dropped`);
    const srows = [['engine', 'fragment', 'what', 'matches', 'p50 ms', 'max ms', 'unindexed ms']];
    for (const d of r.dashboard) for (const x of d.search) srows.push([d.engine, x.fragment, x.label, String(x.matches), String(x.queryMs.p50), String(x.queryMs.max), String(x.unindexedMs)]);
    out.push(table(srows));
  }

  if (r.posters) {
    const p = r.posters;
    out.push('', `Posters (${p.renders} renders per round, ${p.threads} threads)`);
    out.push(table([
      ['renderer/s', 'raw/s', 'ratio', 'CPU ms/poster (renderer/raw)', 'single ms', 'RSS MB (before/warm/after)'],
      [String(p.rendererPerSecond), String(p.rawPerSecond), String(p.ratio), p.rounds.map((x) => `${x.rendererCpuMs}/${x.rawCpuMs}`).join(' '), String(p.singleLatencyMs), `${p.rss.beforeRendererMb}/${p.rss.warmMb}/${p.rss.afterMb}`],
    ]));
  }

  if (r.h5) {
    out.push('', `H5 first load: ${r.h5.firstLoadGzipKb} KB gzipped JavaScript (entry and its imports plus the heaviest page; CSS ${r.h5.cssGzipKb} KB)`);
    out.push(`  per page on top of the entry: ${r.h5.pages.map((p) => `${p.page} ${p.gzipKb} KB`).join(', ')}`);
  }

  out.push('', 'Goals');
  for (const g of r.goals) out.push(`  ${g.met === null ? 'n/a   ' : g.met ? 'met   ' : 'MISSED'}  ${g.goal}${g.engine ? ` [${g.engine}]` : ''}: ${g.value}`);
  return out.join('\n');
}
