// `fission simulate`: start (or reach) the instance, prepare the scenario's campaign, play the
// crowd until the target, let the service settle, then report the campaign's figures and check
// the invariants from the database, the admin API and the sandbox.
import type { CampaignStats } from '../modules/campaign/get-campaign-stats.ts';
import { Crowd, type CrowdTotals } from './crowd.ts';
import type { Instance } from './instance.ts';
import { connectRemoteInstance, startEmbeddedInstance } from './instance.ts';
import { checkCampaignInvariants } from './invariants/check-invariants.ts';
import type { InvariantReport } from './invariants/invariant-types.ts';
import { checkWelcomeMessages, WELCOME_DELIVERED } from './invariants/welcome-messages.ts';
import type { SimulateOptions } from './options.ts';
import { NOT_BUILT } from './scenarios.ts';
import { callbacksAnswered, isSettled, joinedCount, waitSettled } from './service-state.ts';
import { prepareTaskWecom } from './task-wecom.ts';
import { serviceFacts, type ServiceFacts } from './service-facts.ts';

export interface SimulationResult {
  scenario: string;
  seed: number;
  participants: number;
  helps: { valid: number; invalid: Record<string, number>; revoked: number };
  completed: Record<string, number>;
  rewards_reserved: number;
  stock_left: Record<string, number>;
  max_level: number;
  level_histogram: Record<string, number>;
  wall_s: number;
  callbacks_per_s: number;
  invariants: InvariantReport;
  /** Where it ran, what the crowd did, and with which faults. */
  target: { kind: 'embedded' | 'remote'; engine: string | null; where: string };
  campaign_id: number;
  callbacks: number;
  crowd: CrowdTotals;
  faults: SimulateOptions['faults'];
  /** From the service's database: how callbacks and welcomes ended, what had to be retried. */
  service: ServiceFacts | null;
}

export async function runSimulation(o: SimulateOptions, log: (line: string) => void): Promise<SimulationResult> {
  const notBuilt = NOT_BUILT[o.scenario];
  if (notBuilt) throw new Error(`scenario ${o.scenario}: ${notBuilt}`);
  const started = performance.now();
  const deadline = Date.now() + o.timeoutSeconds * 1000;
  const inst: Instance = o.target.kind === 'embedded' ? await startEmbeddedInstance(o.target) : await connectRemoteInstance(o.target);
  log(`${inst.kind} instance at ${inst.baseUrl} (${inst.engine ?? 'database not reachable'}: ${inst.where})`);
  try {
    const prepared = await prepareTaskWecom(inst, o.campaign, log);
    const { campaignId, corpid } = prepared;
    await inst.sandbox.api('PUT', '/callback-faults', { ...o.faults, seed: o.crowd.seed });
    const callbacksBefore = await callbacksAnswered(inst);
    const crowdStarted = performance.now();
    const crowd = new Crowd({
      inst, corpid, campaignId, entryQrUrl: prepared.entryQrUrl, crowd: o.crowd, actions: prepared.actions, deadline,
      joined: () => joinedCount(inst, campaignId),
      settled: () => isSettled(inst, campaignId),
      log,
    });
    const joined = await crowd.run();
    log(`target reached (${joined} joined); letting the service settle`);
    await waitSettled(inst, campaignId, Math.max(30_000, deadline - Date.now()));
    await crowd.confirmPending();
    await waitSettled(inst, campaignId, Math.max(120_000, deadline - Date.now()));
    const callbacks = (await callbacksAnswered(inst)) - callbacksBefore;
    const crowdSeconds = (performance.now() - crowdStarted) / 1000;

    const stats = (await inst.admin.call('GET', `/campaigns/${campaignId}/stats`)) as CampaignStats;
    log('checking invariants');
    const invariants = await checkInvariants(inst, { workspaceId: prepared.workspaceId, campaignId, corpid, messagesSeen: crowd.messagesSeen }, stats);
    const levels = await levelHistogram(inst, campaignId, stats);
    const nonzero = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).filter(([, n]) => n > 0));
    return {
      scenario: o.scenario,
      seed: o.crowd.seed,
      participants: stats.participants.total,
      helps: { valid: stats.helps.valid, invalid: nonzero(stats.helps.invalid), revoked: stats.helps.revoked },
      completed: Object.fromEntries(stats.tiers.map((t) => [String(t.tierNo), t.completed])),
      rewards_reserved: stats.tiers.reduce((a, t) => a + t.won, 0),
      stock_left: Object.fromEntries(stats.tiers.map((t) => [String(t.tierNo), t.stockLeft])),
      max_level: Math.max(0, ...Object.keys(levels).map(Number).filter(Number.isFinite)),
      level_histogram: levels,
      wall_s: Math.round((performance.now() - started) / 100) / 10,
      callbacks_per_s: Math.round((callbacks / crowdSeconds) * 10) / 10,
      invariants,
      target: { kind: inst.kind, engine: inst.engine, where: inst.where },
      campaign_id: campaignId,
      callbacks,
      crowd: crowd.totals,
      faults: o.faults,
      service: inst.db ? await serviceFacts(inst.db, prepared.workspaceId, campaignId) : null,
    };
  } finally {
    if (inst.kind === 'remote') await inst.sandbox.api('PUT', '/callback-faults', { duplicateRate: 0, lossRate: 0, reorderRate: 0 }).catch(() => {});
    await inst.close();
  }
}

/** The sandbox keeps a corp's last 10,000 messages; beyond that, welcomes received cannot be counted. */
const SANDBOX_MESSAGE_LOG = 10_000;

async function checkInvariants(inst: Instance, t: { workspaceId: string; campaignId: number; corpid: string; messagesSeen: number }, dashboard: CampaignStats): Promise<InvariantReport> {
  if (!inst.db) {
    return { ok: true, checked: [], skipped: [{ invariant: '*', reason: 'no database access: give --database-url (the server\'s database) to check invariants' }], violations: [] };
  }
  const report = await checkCampaignInvariants(inst.db, { workspaceId: t.workspaceId, campaignId: t.campaignId, dashboard });
  if (t.messagesSeen >= SANDBOX_MESSAGE_LOG) {
    return { ...report, skipped: [{ invariant: WELCOME_DELIVERED, reason: `more than the ${SANDBOX_MESSAGE_LOG} messages the sandbox keeps per corp were sent` }] };
  }
  const delivered = await checkWelcomeMessages(inst.db, inst.sandbox, t.corpid, t.campaignId);
  const violations = [...report.violations, ...delivered];
  return { ...report, ok: violations.length === 0, checked: [...report.checked, WELCOME_DELIVERED], violations };
}

/** Participants per level: exact from the database, else the dashboard's buckets (1–14, "other"). */
async function levelHistogram(inst: Instance, campaignId: number, stats: CampaignStats): Promise<Record<string, number>> {
  if (inst.db) {
    const r = await inst.db.query<{ level: number; n: number }>(`SELECT level, count(*)::int AS n FROM participants WHERE campaign_id = $1 GROUP BY 1 ORDER BY 1`, [campaignId]);
    return Object.fromEntries(r.rows.map((x) => [String(x.level), x.n]));
  }
  return Object.fromEntries(stats.levels.filter((l) => l.participants > 0).map((l) => [String(l.level), l.participants]));
}
