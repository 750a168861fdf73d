// Help processing: from callbacks sitting in the inbox to helps counted. H helpers each add a pool
// staff member through one of M inviters' help codes in the sandbox (so WeCom knows them, as it
// would); their add_external_contact events are put in the inbox exactly as the callback route
// does (recordInboxEvent, one inbox.process job each) while no worker runs. Then the workers start
// and the clock runs until every help is recorded. The workers do all an add triggers: the
// customer lookup at WeCom, the help and participation, tiers and rewards, the welcome message and
// its job. Baseline: the minimal transaction a counted help needs — insert the help, add one to
// the inviter's count — through the same driver, from as many concurrent lanes as a worker runs.
import { seedParticipant } from '../db/seeders/task-fission-activity.ts';
import type { Db } from '../db/client.ts';
import { recordInboxEvent } from '../modules/inbox/record-inbox-event.ts';
import { ensureContactWay } from '../modules/fission/ensure-contact-way.ts';
import { parseWecomEvent } from '../wechat/protocol/index.ts';
import type { Engine } from './fresh-database.ts';
import { startFlowWorld } from './flow-world.ts';
import { startServerCpuClock } from './server-cpu.ts';

export interface HelpProcessingResult {
  engine: Engine;
  helps: number;
  inviters: number;
  workerConcurrency: number;
  /** Helps counted per second through the inbox jobs. */
  perSecond: number;
  baselinePerSecond: number;
  ratio: number;
  /** This process's CPU per help, ms (PGlite: everything; PostgreSQL: without the server's). */
  cpuMsPerHelp: number;
  baselineCpuMsPerHelp: number;
  /** The PostgreSQL backends' CPU per help, ms (server-cpu.ts; pg-boss's own connections included); null on PGlite. */
  dbCpuMsPerHelp: number | null;
  baselineDbCpuMsPerHelp: number | null;
  /** Help outcomes, to show the work was the real thing. */
  outcomes: Record<string, number>;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const round1 = (n: number) => Math.round(n * 10) / 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function benchHelpProcessing(db: Db, engine: Engine, o: { helps: number; inviters: number; workerConcurrency: number }, log: (line: string) => void): Promise<HelpProcessingResult> {
  const w = await startFlowWorld(db, { app: false, logSize: o.helps + 100, workerConcurrency: o.workerConcurrency });
  try {
    log(`help processing [${engine}]: ${o.inviters} inviters and their help codes`);
    const inviters: Array<{ id: number; qrUrl: string }> = [];
    for (let i = 0; i < o.inviters; i++) {
      const id = await seedParticipant(db, { workspaceId: w.workspaceId, campaignId: w.campaignId, externalUserId: `wminviter${i}` });
      const way = await ensureContactWay({ db, jobs: w.jobs, config: w.config }, { workspaceId: w.workspaceId, campaignId: w.campaignId, participantId: id });
      inviters.push({ id, qrUrl: way.qrUrl });
    }

    log(`help processing [${engine}]: ${o.helps} helpers scan the help codes; their callbacks go into the inbox`);
    const sb = w.sandbox;
    const people: string[] = [];
    while (people.length < o.helps) {
      const made = (await (await fetch(`${sb.url}/sandbox-api/people`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ count: Math.min(10_000, o.helps - people.length), seed: people.length + 1 }),
      })).json()) as { people: Array<{ id: string }> };
      people.push(...made.people.map((p) => p.id));
    }
    for (const [i, person] of people.entries()) {
      const r = await fetch(`${sb.url}/sandbox-api/actions/scan`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ person_id: person, qr_url: inviters[i % inviters.length]!.qrUrl }),
      });
      if (r.status !== 200) throw new Error(`scan failed: ${await r.text()}`);
    }
    await sb.sandbox.dispatcher.idle();
    const adds = sb.sandbox.dispatcher.list({ kind: 'change_external_contact/add_external_contact' });
    if (adds.length !== o.helps) throw new Error(`expected ${o.helps} add events in the sandbox, found ${adds.length}`);
    for (const d of adds) await recordInboxEvent(db, w.jobs, { workspaceId: w.workspaceId, source: 'wecom', event: parseWecomEvent(d.xml), rawXml: d.xml });

    log(`help processing [${engine}]: workers on, timing until all ${o.helps} helps are recorded`);
    const counted = async () => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM helps WHERE campaign_id = $1`, [w.campaignId])).rows[0]!.n;
    let cpu = cpuMs();
    let t = performance.now();
    await w.startWorkers();
    // Started after the workers, so that their connections are among the backends it reads.
    let dbClock = await startServerCpuClock(db);
    while ((await counted()) < o.helps) await sleep(20);
    const seconds = (performance.now() - t) / 1000;
    const cpuFlow = cpuMs() - cpu;
    const dbFlow = dbClock ? await dbClock.elapsedMs() : null;
    const outcomes = Object.fromEntries((await db.query<{ k: string; n: number }>(
      `SELECT status || coalesce(':' || invalid_reason, '') AS k, count(*)::int AS n FROM helps WHERE campaign_id = $1 GROUP BY 1`, [w.campaignId])).rows.map((r) => [r.k, r.n]));
    // Let the jobs the adds caused (welcomes, tier notices) finish before the baseline runs.
    while ((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE state IN ('created', 'retry', 'active') AND start_after <= now()`)).rows[0]!.n > 0) await sleep(100);

    log(`help processing [${engine}]: baseline, ${o.helps} insert-help + count transactions from ${o.workerConcurrency} lanes`);
    let next = 0;
    dbClock = await startServerCpuClock(db);
    cpu = cpuMs();
    t = performance.now();
    const lane = async () => {
      for (let i = next++; i < o.helps; i = next++) {
        const inviter = inviters[i % inviters.length]!;
        await db.transaction(async (tx) => {
          await tx.query(
            `INSERT INTO helps (workspace_id, campaign_id, inviter_id, helper_external_userid, status) VALUES ($1, $2, $3, $4, 'valid')`,
            [w.workspaceId, w.campaignId, inviter.id, `wmbaseline${i}`]);
          await tx.query(`UPDATE participants SET valid_helps = valid_helps + 1 WHERE campaign_id = $1 AND id = $2`, [w.campaignId, inviter.id]);
        });
      }
    };
    await Promise.all(Array.from({ length: o.workerConcurrency }, lane));
    const baselineSeconds = (performance.now() - t) / 1000;
    const cpuBase = cpuMs() - cpu;
    const dbBase = dbClock ? await dbClock.elapsedMs() : null;
    const perHelp = (ms: number | null) => (ms === null ? null : Math.round((ms / o.helps) * 100) / 100);
    const perSecond = round1(o.helps / seconds);
    const baselinePerSecond = round1(o.helps / baselineSeconds);
    return {
      engine, helps: o.helps, inviters: o.inviters, workerConcurrency: o.workerConcurrency,
      perSecond, baselinePerSecond, ratio: Math.round((perSecond / baselinePerSecond) * 100) / 100,
      cpuMsPerHelp: round1(cpuFlow / o.helps), baselineCpuMsPerHelp: Math.round((cpuBase / o.helps) * 100) / 100,
      dbCpuMsPerHelp: perHelp(dbFlow), baselineDbCpuMsPerHelp: perHelp(dbBase),
      outcomes,
    };
  } finally {
    await w.close();
  }
}
