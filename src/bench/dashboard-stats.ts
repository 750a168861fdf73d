// Dashboard stats query time: the campaign module's stats use case (getCampaignStats) on a
// generated campaign of the given size, after the generated rows were checked against every
// invariant (the dashboard must also equal the recount from raw rows, or the timing means nothing).
import type { Db, Queryable } from '../db/client.ts';
import { getCampaignHourlyStats } from '../modules/campaign/get-campaign-hourly-stats.ts';
import { getCampaignStats } from '../modules/campaign/get-campaign-stats.ts';
import { checkCampaignInvariants } from '../simulate/invariants/check-invariants.ts';
import type { InvariantReport } from '../simulate/invariants/invariant-types.ts';
import { generateDashboardCampaign, type GeneratedCampaign } from './dashboard-data.ts';
import type { Engine } from './fresh-database.ts';
import { benchParticipantSearch, type SearchResult } from './participant-search.ts';
import { summarize, type LatencySummary } from './percentiles.ts';

export interface DashboardResult {
  engine: Engine;
  campaign: Omit<GeneratedCampaign, 'workspaceId' | 'campaignId'>;
  /** Counter rows the dashboard sums (metrics × days × slots). */
  counterRows: number;
  invariants: InvariantReport;
  checkSeconds: number;
  queryMs: LatencySummary;
  /** This process's CPU time per run, ms: everything on PGlite, the client side only on PostgreSQL. */
  cpuMsPerRun: number;
  /** The dashboard's trend by hour (its other query) over the campaign's busiest day (most joins,
   *  Shanghai time), and the participants it counted. */
  hourlyDay: string;
  hourlyMs: LatencySummary;
  hourlyParticipants: number;
  /** The participants list searched by nickname fragment on the same campaign. */
  search: SearchResult[];
  /** EXPLAIN ANALYZE of every query the use case sends, when asked for. */
  explain?: string[];
}

export async function benchDashboard(db: Db, engine: Engine, o: { participants: number; helps: number; runs: number; searchRuns: number; explain?: boolean }, log: (line: string) => void): Promise<DashboardResult> {
  log(`dashboard [${engine}]: generating ${o.participants} participants and ${o.helps} helps`);
  const g = await generateDashboardCampaign(db, { participants: o.participants, helps: o.helps, log: (l) => log(`${l} [${engine}]`) });
  log(`dashboard [${engine}]: generated in ${g.seconds} s; checking invariants`);
  let t = performance.now();
  const invariants = await checkCampaignInvariants(db, { workspaceId: g.workspaceId, campaignId: g.campaignId });
  const checkSeconds = Math.round((performance.now() - t) / 100) / 10;
  const counterRows = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM campaign_stat_counters WHERE campaign_id = $1`, [g.campaignId])).rows[0]!.n;

  log(`dashboard [${engine}]: timing the stats use case ${o.runs} times`);
  for (let i = 0; i < 3; i++) await getCampaignStats(db, g.workspaceId, g.campaignId);
  const times: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < o.runs; i++) {
    t = performance.now();
    await getCampaignStats(db, g.workspaceId, g.campaignId);
    times.push(performance.now() - t);
  }
  const used = process.cpuUsage(cpu);
  const cpuMsPerRun = Math.round(((used.user + used.system) / 1000 / o.runs) * 100) / 100;
  const queryMs = summarize(times);

  const hourlyDay = (await db.query<{ day: string }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day FROM campaign_stat_counters WHERE campaign_id = $1 AND metric = 'participants' GROUP BY day ORDER BY sum(n) DESC, day DESC LIMIT 1`,
    [g.campaignId])).rows[0]!.day;
  log(`dashboard [${engine}]: timing the trend by hour of ${hourlyDay} ${o.runs} times`);
  const hourly = await getCampaignHourlyStats(db, g.workspaceId, g.campaignId, hourlyDay);
  const hourlyTimes: number[] = [];
  for (let i = 0; i < o.runs; i++) {
    t = performance.now();
    await getCampaignHourlyStats(db, g.workspaceId, g.campaignId, hourlyDay);
    hourlyTimes.push(performance.now() - t);
  }

  log(`dashboard [${engine}]: participant search, ${o.searchRuns} runs per fragment, then once each without the nickname index`);
  const search = await benchParticipantSearch(db, g.workspaceId, g.campaignId, { runs: o.searchRuns });
  const { workspaceId: _w, campaignId: _c, ...campaign } = g;
  const out: DashboardResult = {
    engine, campaign, counterRows, invariants, checkSeconds, queryMs, cpuMsPerRun, search,
    hourlyDay, hourlyMs: summarize(hourlyTimes), hourlyParticipants: hourly.hours.reduce((a, h) => a + h.participants, 0),
  };
  if (o.explain) out.explain = await explainEach(db, (q) => getCampaignStats(q, g.workspaceId, g.campaignId));
  return out;
}

/** Runs `use` once through a recorder, then EXPLAIN ANALYZEs each statement it sent. */
async function explainEach(db: Db, use: (q: Queryable) => Promise<unknown>): Promise<string[]> {
  const sent: Array<{ text: string; params: readonly unknown[] | undefined }> = [];
  const recorder: Queryable = {
    query: (text, params) => {
      sent.push({ text, params });
      return db.query(text, params);
    },
    exec: (sql) => db.exec(sql),
  };
  await use(recorder);
  const out: string[] = [];
  for (const s of sent) {
    out.push(`-- ${s.text.replace(/\s+/g, ' ').trim()}`);
    const plan = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${s.text}`, s.params);
    out.push(...plan.rows.map((r) => r['QUERY PLAN']));
  }
  return out;
}
