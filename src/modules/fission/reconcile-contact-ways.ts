// Contact ways leaked by a crash: add_contact_way answered, then the process died before the
// config_id was saved, and the pending row was later removed as stale. Such a code adds friends
// with our state and uses a unit of the corp's 500 000 quota forever. A pass lists the corp's
// codes made in the last 90 days (list_contact_way, cursor-paged; reference §3.1) and deletes each
// one that is ours — our `state` AND this workspace's mark in the remark (contact-way-remark.ts) —
// but not a live row of ours. It never touches another tool's code (nor another installation's or
// workspace's), nor one whose pending row is still fresh (being created right now): a stale
// pending row of the same slot is removed first, so a late creator deletes its own code.
//
// One page per job run; the next page is a new job carrying the cursor, the running totals and the
// codes to delete. Deleting waits until the whole list was read, since deleting while paging would
// shift WeCom's list under the cursor and skip codes. Codes found to be another tool's are
// remembered and not looked up again. Every pass reads the whole 90 days, so a code a pass could
// not judge (in flight, or skipped because other deletions moved the list) is judged the next day.
import type { Queryable } from '../../db/client.ts';
import { ReconcileContactWaysJob } from '../../jobs/fission/definitions.ts';
import { parseContactWayState } from '../../domain/shared/contact-way-state.ts';
import { remarkIsOurs } from '../../domain/shared/contact-way-remark.ts';
import { WeChatApiError } from '../../wechat/core/api-error.ts';
import type { WeComClient } from '../../wechat/wecom/client.ts';
import type { ContactWay } from '../../wechat/wecom/contact-types.ts';
import { getWorkspace } from '../workspace/workspace-row.ts';
import { PENDING_STALE_MS, type ContactWaySlot } from './live-contact-way.ts';
import type { FlowDeps } from './record-contact-added.ts';
import { scheduleDailyReconcile } from './schedule-contact-way-reconcile.ts';
import { wecomContactClient } from './wecom-clients.ts';

export const LIST_PAGE = 1000;
/** Deletions held before they are done at once (and the list read again from the start). */
export const DOOMED_MAX = 200;
const WINDOW_S = 90 * 86_400;

export interface ReconcileTotals {
  listed: number;
  deleted: number;
  keptForeign: number;
  keptInFlight: number;
}

export interface ReconcilePage {
  cursor: string;
  startedAt: string;
  totals: ReconcileTotals;
  /** Leaked codes found so far, deleted once the list has been read. */
  doomed: string[];
}

export type ReconcileOutcome = { done: false; next: ReconcilePage } | { done: true; totals: ReconcileTotals };

export async function reconcileContactWays(
  deps: FlowDeps, p: { workspaceId: string; page: ReconcilePage | null }, now = new Date(), opts: { pageSize?: number; holdAtMost?: number } = {},
): Promise<ReconcileOutcome> {
  const { db } = deps;
  const page = p.page ?? { cursor: '', startedAt: now.toISOString(), totals: { listed: 0, deleted: 0, keptForeign: 0, keptInFlight: 0 }, doomed: [] };
  const client = wecomContactClient(db, deps.config, await getWorkspace(db, { id: p.workspaceId }));
  const end = Math.floor(Date.parse(page.startedAt) / 1000);
  const list = await client.listContactWays({ start_time: end - WINDOW_S, end_time: end, limit: opts.pageSize ?? LIST_PAGE, ...(page.cursor ? { cursor: page.cursor } : {}) });
  const totals = { ...page.totals, listed: page.totals.listed + list.contact_way.length };
  const doomed = [...page.doomed];
  const { unknown, foreign } = await sortOut(db, p.workspaceId, list.contact_way.map((w) => w.config_id));
  totals.keptForeign += foreign;
  for (const configId of unknown) {
    const verdict = await judge(deps, client, p.workspaceId, configId);
    if (verdict === 'doomed') doomed.push(configId);
    else if (verdict === 'foreign') totals.keptForeign++;
    else if (verdict === 'in_flight') totals.keptInFlight++;
  }
  let cursor = list.next_cursor ?? '';
  let counts = totals;
  if (!cursor || doomed.length >= (opts.holdAtMost ?? DOOMED_MAX)) {
    totals.deleted += await deleteAll(client, doomed);
    doomed.length = 0;
    if (!cursor) {
      await finishPass(db, p.workspaceId, page.startedAt, totals, now);
      await scheduleDailyReconcile(db, deps.jobs, p.workspaceId, now);
      return { done: true, totals };
    }
    // Deleting moved the list under the cursor: read it again from the start, counting afresh.
    cursor = '';
    counts = { listed: 0, deleted: totals.deleted, keptForeign: 0, keptInFlight: 0 };
  }
  const next = { ...page, cursor, totals: counts, doomed };
  await deps.jobs.send(ReconcileContactWaysJob, { workspaceId: p.workspaceId, page: next }, { key: `reconcile:${p.workspaceId}:${page.startedAt}:${counts.deleted}:${cursor}` });
  return { done: false, next };
}

/** The listed codes we neither hold as live rows nor know to be another tool's, and how many are the latter. */
async function sortOut(q: Queryable, workspaceId: string, ids: string[]): Promise<{ unknown: string[]; foreign: number }> {
  if (!ids.length) return { unknown: [], foreign: 0 };
  const r = await q.query<{ configId: string; foreign: boolean }>(
    `SELECT config_id AS "configId", false AS foreign FROM contact_ways WHERE workspace_id = $1 AND config_id = ANY($2::text[]) AND deleted_at IS NULL
     UNION ALL SELECT config_id, true FROM contact_way_foreign_codes WHERE workspace_id = $1 AND config_id = ANY($2::text[])`,
    [workspaceId, ids],
  );
  const known = new Set(r.rows.map((row) => row.configId));
  return { unknown: ids.filter((id) => !known.has(id)), foreign: r.rows.filter((row) => row.foreign).length };
}

type Verdict = 'doomed' | 'foreign' | 'in_flight' | 'kept' | 'gone';

async function judge(deps: FlowDeps, client: WeComClient, workspaceId: string, configId: string): Promise<Verdict> {
  const way = await unlessGone(() => client.getContactWay(configId));
  if (!way) return 'gone';
  const slot = slotOf(workspaceId, way);
  if (!slot) {
    await deps.db.query(`INSERT INTO contact_way_foreign_codes (workspace_id, config_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [workspaceId, configId]);
    return 'foreign';
  }
  // Asked again now: the slot's creator may have saved this very code since the list was read.
  const row = await slotRow(deps.db, slot);
  if (row?.configId === configId) return 'kept';
  if (row && row.configId === null) {
    if (Date.now() - row.createdAt.getTime() <= PENDING_STALE_MS) return 'in_flight';
    // Its creator died: free the slot now, so a creator still finishing deletes its own code.
    await deps.db.query(`DELETE FROM contact_ways WHERE id = $1 AND config_id IS NULL`, [row.id]);
  }
  // No row can take this code any more (none pending for it): deleting it later is safe.
  return 'doomed';
}

/** The slot a code of ours was made for; null when the code is not this workspace's. */
function slotOf(workspaceId: string, way: ContactWay): ContactWaySlot | null {
  const state = parseContactWayState(way.state);
  if (!state || !remarkIsOurs(workspaceId, way.remark)) return null;
  if (state.kind === 'fission') return { workspaceId, campaignId: state.campaignId, participantId: state.inviterParticipantId, serviceUserId: null };
  const staff = way.user?.[0];
  return staff ? { workspaceId, campaignId: state.campaignId, participantId: null, serviceUserId: staff } : null;
}

async function slotRow(q: Queryable, s: ContactWaySlot) {
  const r = await q.query<{ id: number; configId: string | null; createdAt: Date }>(
    `SELECT id, config_id AS "configId", created_at AS "createdAt" FROM contact_ways
     WHERE workspace_id = $1 AND campaign_id = $2 AND participant_id IS NOT DISTINCT FROM $3 AND service_userid IS NOT DISTINCT FROM $4 AND deleted_at IS NULL`,
    [s.workspaceId, s.campaignId, s.participantId, s.serviceUserId],
  );
  return r.rows[0] ?? null;
}

/** Deletes the codes at WeCom; returns how many it deleted (41044: already gone, not counted). */
async function deleteAll(client: WeComClient, ids: string[]): Promise<number> {
  let n = 0;
  for (const id of ids) if ((await unlessGone(() => client.deleteContactWay(id).then(() => true))) === true) n++;
  return n;
}

/** The call's answer, or null when WeCom no longer knows the code (41044). */
async function unlessGone<T>(call: () => Promise<T>): Promise<T | null> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof WeChatApiError && err.errcode === 41044) return null;
    throw err;
  }
}

async function finishPass(q: Queryable, workspaceId: string, startedAt: string, t: ReconcileTotals, now: Date): Promise<void> {
  await q.query(
    `INSERT INTO contact_way_reconciles (workspace_id, last_started_at, last_finished_at, listed, deleted, kept_foreign, kept_in_flight)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (workspace_id) DO UPDATE SET last_started_at = EXCLUDED.last_started_at, last_finished_at = EXCLUDED.last_finished_at,
       listed = EXCLUDED.listed, deleted = EXCLUDED.deleted, kept_foreign = EXCLUDED.kept_foreign, kept_in_flight = EXCLUDED.kept_in_flight`,
    [workspaceId, startedAt, now, t.listed, t.deleted, t.keptForeign, t.keptInFlight],
  );
  // Codes first seen longer ago than WeCom lists are not listed any more.
  await q.query(`DELETE FROM contact_way_foreign_codes WHERE workspace_id = $1 AND first_seen_at < $2`, [workspaceId, new Date(now.getTime() - (WINDOW_S + 86_400) * 1000)]);
}
