// The one way a contact way is made at WeCom: the first time it is needed, exactly once, and never
// lost. Concurrent first requests meet on the unique live index (one live code per campaign,
// participant and service staff member): each tries to insert a pending row (no config_id yet),
// one wins and calls add_contact_way, the others wait for it to fill the row. A code made by a
// caller whose row vanished meanwhile (taken over as stale), or that is no longer wanted (its
// campaign ended while it was being made), is deleted again instead of leaking. A crash between
// WeCom's answer and the fill still leaks one: reconcile-contact-ways.ts finds those.
import { AppError, conflict } from '../../errors.ts';
import { contactWayRemark } from '../../domain/shared/contact-way-remark.ts';
import { WeChatApiError } from '../../wechat/core/api-error.ts';
import type { WeComClient } from '../../wechat/wecom/client.ts';
import { getWorkspace } from '../workspace/workspace-row.ts';
import type { FlowDeps } from './record-contact-added.ts';
import { wecomContactClient } from './wecom-clients.ts';

export interface LiveContactWay {
  configId: string;
  qrUrl: string;
  state: string;
}

/** Whose code: the campaign's own (both null), a participant's help code, or a prize's service code. */
export interface ContactWaySlot {
  workspaceId: string;
  campaignId: number;
  participantId: number | null;
  serviceUserId: string | null;
}

export interface ContactWayRules {
  /** Throws (conflict) when the code may not be made now; otherwise what to make. */
  plan(): Promise<{ state: string; staff: string[] }>;
  /** Asked once WeCom made the code: why it is not wanted any more, or null to keep it. */
  unwanted(): Promise<string | null>;
}

/** A pending row older than this is taken to belong to a caller that died. */
export const PENDING_STALE_MS = 60_000;
const WAIT_MS = 8_000;

export async function ensureLiveContactWay(deps: FlowDeps, slot: ContactWaySlot, rules: ContactWayRules): Promise<LiveContactWay> {
  const { db } = deps;
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const row = await liveRow(deps, slot);
    if (row?.configId) return { configId: row.configId, qrUrl: row.qrUrl!, state: row.state };
    if (row) {
      if (Date.now() - row.createdAt.getTime() > PENDING_STALE_MS) await db.query(`DELETE FROM contact_ways WHERE id = $1 AND config_id IS NULL`, [row.id]);
      else if (Date.now() > deadline) throw new AppError('unavailable', 'the QR code is still being created; try again in a moment');
      else await new Promise((r) => setTimeout(r, 100));
      continue;
    }
    const { state, staff } = await rules.plan();
    const claimed = await db.query<{ id: number }>(
      `INSERT INTO contact_ways (workspace_id, campaign_id, participant_id, service_userid, state, staff_userids) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT DO NOTHING RETURNING id`,
      [slot.workspaceId, slot.campaignId, slot.participantId, slot.serviceUserId, state, staff],
    );
    const id = claimed.rows[0]?.id;
    if (id === undefined) continue;
    const made = await create(deps, slot, rules, id, state, staff);
    if (made) return made;
  }
}

async function liveRow(deps: FlowDeps, s: ContactWaySlot) {
  const r = await deps.db.query<{ id: number; configId: string | null; qrUrl: string | null; state: string; createdAt: Date }>(
    `SELECT id, config_id AS "configId", qr_url AS "qrUrl", state, created_at AS "createdAt" FROM contact_ways
     WHERE campaign_id = $1 AND participant_id IS NOT DISTINCT FROM $2 AND service_userid IS NOT DISTINCT FROM $3 AND deleted_at IS NULL`,
    [s.campaignId, s.participantId, s.serviceUserId],
  );
  return r.rows[0] ?? null;
}

async function create(deps: FlowDeps, slot: ContactWaySlot, rules: ContactWayRules, rowId: number, state: string, staff: string[]): Promise<LiveContactWay | null> {
  const { db } = deps;
  let client: WeComClient;
  let way: { config_id: string; qr_code?: string };
  try {
    client = wecomContactClient(db, deps.config, await getWorkspace(db, { id: slot.workspaceId }));
    way = await client.addContactWay({
      type: staff.length === 1 ? 1 : 2, scene: 2, skip_verify: true, state, user: staff, remark: contactWayRemark(slot.workspaceId, slot),
    });
  } catch (err) {
    await db.query(`DELETE FROM contact_ways WHERE id = $1 AND config_id IS NULL`, [rowId]);
    throw err;
  }
  const filled = await db.query(`UPDATE contact_ways SET config_id = $2, qr_url = $3 WHERE id = $1 AND config_id IS NULL AND deleted_at IS NULL`, [rowId, way.config_id, way.qr_code ?? '']);
  const unwanted = await rules.unwanted();
  if (filled.rowCount === 1 && !unwanted) return { configId: way.config_id, qrUrl: way.qr_code ?? '', state };
  // Our row was taken over as stale, or the code is not wanted any more: undo at WeCom. 41044: a
  // reconciliation pass already deleted it.
  await client.deleteContactWay(way.config_id).catch((err: unknown) => {
    if (!(err instanceof WeChatApiError && err.errcode === 41044)) throw err;
  });
  if (filled.rowCount === 1) await db.query(`UPDATE contact_ways SET deleted_at = now() WHERE id = $1`, [rowId]);
  if (unwanted) throw conflict(unwanted);
  return null;
}
