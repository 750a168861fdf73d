// The "contact me" code of a campaign (participantId null: the activity code) or of one participant
// (their help code), created at WeCom the first time it is needed. Concurrent first requests meet
// on the unique live index: each tries to insert a pending row (no config_id yet), one wins and
// calls add_contact_way, the others wait for it to fill the row. So WeCom gets one call, and a
// code created by a caller whose row vanished meanwhile is deleted again instead of leaking.
import { AppError, conflict } from '../../errors.ts';
import { encodeContactWayState } from '../../domain/shared/contact-way-state.ts';
import { staffPool } from '../../domain/task-fission/channel.ts';
import type { WeComClient } from '../../wechat/wecom/client.ts';
import type { CampaignView } from '../campaign/campaign-view.ts';
import { getWorkspace } from '../workspace/workspace-row.ts';
import { findFlowCampaign } from './flow-campaign.ts';
import type { FlowDeps } from './record-contact-added.ts';
import { wecomContactClient } from './wecom-clients.ts';

export interface LiveContactWay {
  configId: string;
  qrUrl: string;
  state: string;
}

/** A pending row older than this is taken to belong to a caller that died. */
const PENDING_STALE_MS = 60_000;
const WAIT_MS = 8_000;

export async function ensureContactWay(deps: FlowDeps, target: { workspaceId: string; campaignId: number; participantId: number | null }): Promise<LiveContactWay> {
  const { db } = deps;
  const state = encodeContactWayState({ campaignId: target.campaignId, inviterParticipantId: target.participantId });
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const row = await liveRow(deps, target);
    if (row?.configId) return { configId: row.configId, qrUrl: row.qrUrl!, state };
    if (row) {
      if (Date.now() - row.createdAt.getTime() > PENDING_STALE_MS) await db.query(`DELETE FROM contact_ways WHERE id = $1 AND config_id IS NULL`, [row.id]);
      else if (Date.now() > deadline) throw new AppError('unavailable', 'the QR code is still being created; try again in a moment');
      else await new Promise((r) => setTimeout(r, 100));
      continue;
    }
    const campaign = await usableCampaign(deps, target);
    const staff = [...staffPool(campaign.config.channel)];
    const claimed = await db.query<{ id: number }>(
      `INSERT INTO contact_ways (workspace_id, campaign_id, participant_id, state, staff_userids) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING id`,
      [target.workspaceId, target.campaignId, target.participantId, state, staff],
    );
    const id = claimed.rows[0]?.id;
    if (id === undefined) continue;
    const made = await create(deps, target, id, state, staff);
    if (made) return made;
  }
}

async function liveRow(deps: FlowDeps, t: { campaignId: number; participantId: number | null }) {
  const r = await deps.db.query<{ id: number; configId: string | null; qrUrl: string | null; createdAt: Date }>(
    `SELECT id, config_id AS "configId", qr_url AS "qrUrl", created_at AS "createdAt" FROM contact_ways
     WHERE campaign_id = $1 AND participant_id IS NOT DISTINCT FROM $2 AND deleted_at IS NULL`,
    [t.campaignId, t.participantId],
  );
  return r.rows[0] ?? null;
}

/** Codes are made for published campaigns that have not ended, and for their participants. */
async function usableCampaign(deps: FlowDeps, t: { workspaceId: string; campaignId: number; participantId: number | null }): Promise<CampaignView> {
  const c = await findFlowCampaign(deps.db, t.workspaceId, t.campaignId, new Date());
  if (!c) throw conflict(`campaign ${t.campaignId} does not exist`);
  if (c.status === 'draft' || c.status === 'ended') throw conflict(`campaign ${t.campaignId} is ${c.status}: it has no live codes`);
  if (t.participantId !== null) {
    const p = await deps.db.query(`SELECT 1 FROM participants WHERE campaign_id = $1 AND id = $2`, [t.campaignId, t.participantId]);
    if (!p.rows.length) throw conflict(`participant ${t.participantId} is not in campaign ${t.campaignId}`);
  }
  return c;
}

async function create(deps: FlowDeps, t: { workspaceId: string; campaignId: number; participantId: number | null }, rowId: number, state: string, staff: string[]): Promise<LiveContactWay | null> {
  const { db } = deps;
  let client: WeComClient;
  let way: { config_id: string; qr_code?: string };
  try {
    client = wecomContactClient(db, deps.config, await getWorkspace(db, { id: t.workspaceId }));
    way = await client.addContactWay({
      type: staff.length === 1 ? 1 : 2, scene: 2, skip_verify: true, state, user: staff,
      remark: `fission ${t.campaignId}${t.participantId === null ? '' : `/${t.participantId}`}`.slice(0, 30),
    });
  } catch (err) {
    await db.query(`DELETE FROM contact_ways WHERE id = $1 AND config_id IS NULL`, [rowId]);
    throw err;
  }
  const filled = await db.query(`UPDATE contact_ways SET config_id = $2, qr_url = $3 WHERE id = $1 AND config_id IS NULL AND deleted_at IS NULL`, [rowId, way.config_id, way.qr_code ?? '']);
  const now = await findFlowCampaign(db, t.workspaceId, t.campaignId, new Date());
  const ended = !now || now.status === 'ended' || now.status === 'draft';
  if (filled.rowCount === 1 && !ended) return { configId: way.config_id, qrUrl: way.qr_code ?? '', state };
  // Our row was taken over as stale, or the campaign ended while we were creating: undo at WeCom.
  await client.deleteContactWay(way.config_id);
  if (filled.rowCount === 1) await db.query(`UPDATE contact_ways SET deleted_at = now() WHERE id = $1`, [rowId]);
  if (ended) throw conflict(`campaign ${t.campaignId} ended while its code was being created`);
  return null;
}
