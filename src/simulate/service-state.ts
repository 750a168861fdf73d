// What the simulator reads of the service: joined participants, whether everything in flight has
// been handled, and how many callbacks it has answered (its /metrics).
import type { Db } from '../db/client.ts';
import { requestJson } from './http-json.ts';
import type { Instance } from './instance.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function joinedCount(inst: Instance, campaignId: number): Promise<number> {
  if (inst.db) return (await inst.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM participants WHERE campaign_id = $1`, [campaignId])).rows[0]!.n;
  return (await inst.admin.call('GET', `/campaigns/${campaignId}/stats`)).participants.total as number;
}

/** Callbacks delivered and no job due. Without the database: stats unchanged for 3 s. */
export async function isSettled(inst: Instance, campaignId: number): Promise<boolean> {
  await inst.sandbox.api('POST', '/deliveries/flush', {});
  if (inst.db) return (await openWork(inst.db)) === 0;
  const snapshot = async () => JSON.stringify((({ today: _t, ...s }) => s)(await inst.admin.call('GET', `/campaigns/${campaignId}/stats`)));
  const before = await snapshot();
  await sleep(3000);
  return before === (await snapshot());
}

/** Jobs due now or within 5 s (every stored callback has one). A retry its back-off put further out
 *  is work in progress, not stuck: the invariants check every open row still has its job. */
async function openWork(db: Db): Promise<number> {
  const r = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pgboss.job WHERE state IN ('created', 'retry', 'active') AND start_after <= now() + interval '5 seconds'`);
  return r.rows[0]!.n;
}

/** Open jobs by queue, for a message when the service does not settle. */
async function openJobs(db: Db): Promise<string> {
  const r = await db.query<{ name: string; state: string; n: number }>(
    `SELECT name, state, count(*)::int AS n FROM pgboss.job WHERE state IN ('created', 'retry', 'active') AND start_after <= now() + interval '5 seconds' GROUP BY 1, 2 ORDER BY 1, 2`);
  return r.rows.map((x) => `${x.name} ${x.state} ${x.n}`).join(', ');
}

export async function waitSettled(inst: Instance, campaignId: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await isSettled(inst, campaignId))) {
    if (Date.now() > until) throw new Error(`the service did not settle within ${Math.round(timeoutMs / 1000)} s${inst.db ? ` (jobs due: ${await openJobs(inst.db)})` : ''}`);
    await sleep(250);
  }
}

/** POSTs to the WeCom callback route answered so far (all statuses), from the Prometheus metrics. */
export async function callbacksAnswered(inst: Instance): Promise<number> {
  const r = await requestJson('GET', `${inst.baseUrl}/metrics`);
  let n = 0;
  for (const line of String(r.body).split('\n')) {
    if (line.startsWith('fission_http_request_duration_seconds_count{') && line.includes('method="POST"') && line.includes('route="/callback/wecom/:workspace"')) n += Number(line.split(' ').at(-1));
  }
  return n;
}
