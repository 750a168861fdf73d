// Welcome-message latency: B people add a staff member through the campaign's code in one burst,
// faster than WeCom's per-API limit (10,000/min per corp = 167/s) would let their welcomes out if
// they were all sent at once; each add → callback over HTTP → inbox → job → customer lookup and
// participation → welcome job → send_welcome_msg. Latency per person: from the moment their scan
// was answered (the add exists at WeCom, its callback queued) to the moment Fission recorded the
// welcome as sent. A welcome that fell back to a group-send (its 20 s code unusable) has no such
// moment and is counted apart.
import type { Db } from '../db/client.ts';
import { ensureContactWay } from '../modules/fission/ensure-contact-way.ts';
import type { Engine } from './fresh-database.ts';
import { startFlowWorld } from './flow-world.ts';
import { summarize, type LatencySummary } from './percentiles.ts';

export interface WelcomeLatencyResult {
  engine: Engine;
  adds: number;
  /** Adds per second during the burst (scans answered by the sandbox). */
  burstPerSecond: number;
  /** WeCom's limit on send_welcome_msg, per second, for comparison. */
  wecomLimitPerSecond: number;
  sent: number;
  /** Attempts by final status other than sent (fallback_created, failed…). */
  notSent: Record<string, number>;
  /** Add → welcome sent, over the welcomes sent. */
  latencyMs: LatencySummary;
  /** p99 over every add, counting one not sent as infinitely late: null when more than 1 % were not sent. */
  p99AllMs: number | null;
  /** Where the time went: scan → callback stored, → add processed (attempt created), → sent. */
  stagesMs: { toInbox: LatencySummary; toProcessed: LatencySummary; toSent: LatencySummary };
  seconds: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function benchWelcomeLatency(db: Db, engine: Engine, o: { adds: number; workerConcurrency: number }, log: (line: string) => void): Promise<WelcomeLatencyResult> {
  const w = await startFlowWorld(db, { app: true, logSize: o.adds * 2 + 100, workerConcurrency: o.workerConcurrency });
  try {
    await w.startWorkers();
    const code = await ensureContactWay({ db, jobs: w.jobs, config: w.config }, { workspaceId: w.workspaceId, campaignId: w.campaignId, participantId: null });
    const api = async (path: string, body: unknown) => {
      const r = await fetch(`${w.sandbox.url}/sandbox-api${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (r.status > 299) throw new Error(`${path}: HTTP ${r.status} ${await r.text()}`);
      return r.json() as Promise<Record<string, any>>;
    };
    const people: string[] = [];
    while (people.length < o.adds) people.push(...((await api('/people', { count: Math.min(10_000, o.adds - people.length), seed: 7 + people.length })).people as Array<{ id: string }>).map((p) => p.id));

    log(`welcome latency [${engine}]: ${o.adds} people add a staff member in one burst`);
    const addedAt = new Map<string, number>();
    let next = 0;
    const started = performance.now();
    const lane = async () => {
      for (let i = next++; i < people.length; i = next++) {
        const r = await api('/actions/scan', { person_id: people[i], qr_url: code.qrUrl });
        addedAt.set(r.external_userid as string, Date.now());
      }
    };
    await Promise.all(Array.from({ length: 32 }, lane));
    const burstSeconds = (performance.now() - started) / 1000;

    const open = async () => (await db.query<{ attempts: number; open: number }>(
      `SELECT count(*)::int AS attempts, count(*) FILTER (WHERE status IN ('pending', 'fallback_queued'))::int AS open FROM welcome_attempts WHERE campaign_id = $1`, [w.campaignId])).rows[0]!;
    for (let s = await open(); s.attempts < o.adds || s.open > 0; s = await open()) {
      if (performance.now() - started > 600_000) throw new Error(`welcome latency: not settled after 600 s (${s.attempts} attempts, ${s.open} open)`);
      await sleep(100);
    }
    const seconds = (performance.now() - started) / 1000;
    const rows = (await db.query<{ ext: string; status: string; inboxAt: Date; createdAt: Date; updatedAt: Date }>(
      `SELECT w.external_userid AS ext, w.status, i.received_at AS "inboxAt", w.created_at AS "createdAt", w.updated_at AS "updatedAt"
         FROM welcome_attempts w JOIN inbox i ON i.workspace_id = w.workspace_id AND i.id = w.inbox_id WHERE w.campaign_id = $1`, [w.campaignId])).rows;
    const sent = rows.filter((r) => r.status === 'sent');
    const notSent: Record<string, number> = {};
    for (const r of rows) if (r.status !== 'sent') notSent[r.status] = (notSent[r.status] ?? 0) + 1;
    const since = (r: (typeof rows)[number], at: Date) => at.getTime() - addedAt.get(r.ext)!;
    const latencies = sent.map((r) => since(r, r.updatedAt));
    const all = [...latencies, ...Array.from({ length: rows.length - sent.length }, () => Number.POSITIVE_INFINITY)].sort((a, b) => a - b);
    const p99All = all[Math.ceil(0.99 * all.length) - 1]!;
    return {
      engine, adds: o.adds, burstPerSecond: Math.round(o.adds / burstSeconds), wecomLimitPerSecond: Math.round(10_000 / 60),
      sent: sent.length, notSent, latencyMs: summarize(latencies), p99AllMs: Number.isFinite(p99All) ? Math.round(p99All) : null,
      stagesMs: {
        toInbox: summarize(rows.map((r) => since(r, r.inboxAt))),
        toProcessed: summarize(rows.map((r) => r.createdAt.getTime() - r.inboxAt.getTime())),
        toSent: summarize(sent.map((r) => r.updatedAt.getTime() - r.createdAt.getTime())),
      },
      seconds: Math.round(seconds * 10) / 10,
    };
  } finally {
    await w.close();
  }
}
