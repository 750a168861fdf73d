// When a campaign has ended (end time, sold out, ended early, deleted), its codes are deleted at
// WeCom so they stop adding friends and stop using the corp's quota of 500 000 (reference §3.1).
// Prizes' customer-service codes stay until the claim window closes (claim-window.ts), since
// winners claim after the end; a deleted campaign's go at once. One batch per run, oldest first;
// each deletion is marked at once, so a retried or repeated run continues where the last one
// stopped. A code WeCom no longer knows (41044) counts as deleted. The client's rate limiter paces
// the calls.
import type { Queryable } from '../../db/client.ts';
import { CleanupContactWaysJob } from '../../jobs/fission/definitions.ts';
import { WeChatApiError } from '../../wechat/core/api-error.ts';
import { getWorkspace } from '../workspace/workspace-row.ts';
import { claimDeadline, scheduleClaimEndCleanup } from './claim-window.ts';
import { findFlowCampaign } from './flow-campaign.ts';
import type { FlowDeps } from './record-contact-added.ts';
import { wecomContactClient } from './wecom-clients.ts';

export const CLEANUP_BATCH = 100;

export interface CleanupResult {
  deleted: number;
  more: boolean;
}

export async function cleanupContactWays(deps: FlowDeps, p: { workspaceId: string; campaignId: number }, now = new Date()): Promise<CleanupResult> {
  const { db } = deps;
  const campaign = await findFlowCampaign(db, p.workspaceId, p.campaignId, now);
  // A deleted campaign is over too; one still running keeps its codes.
  if (campaign && campaign.status !== 'ended') return { deleted: 0, more: false };
  const claimOpen = campaign !== null && now < claimDeadline(campaign);
  const ways = await db.query<{ id: number; configId: string }>(
    `SELECT id, config_id AS "configId" FROM contact_ways
     WHERE workspace_id = $1 AND campaign_id = $2 AND deleted_at IS NULL AND config_id IS NOT NULL AND (service_userid IS NULL OR NOT $4)
     ORDER BY id LIMIT $3`,
    [p.workspaceId, p.campaignId, CLEANUP_BATCH, claimOpen],
  );
  if (ways.rows.length) {
    const client = wecomContactClient(db, deps.config, await getWorkspace(db, { id: p.workspaceId }));
    for (const way of ways.rows) {
      try {
        await client.deleteContactWay(way.configId);
      } catch (err) {
        if (!(err instanceof WeChatApiError && err.errcode === 41044)) throw err;
      }
      await markDeleted(db, way.id);
    }
  }
  const more = ways.rows.length === CLEANUP_BATCH;
  if (more) await deps.jobs.send(CleanupContactWaysJob, p, { key: `campaign:${p.campaignId}:after:${ways.rows[ways.rows.length - 1]!.id}` });
  else if (claimOpen && (await hasLiveServiceCodes(db, p.campaignId))) {
    // Come back when the claim window closes (again, if the end moved since this job was planned).
    await scheduleClaimEndCleanup(db, deps.jobs, { ...p, deadline: claimDeadline(campaign) });
  }
  return { deleted: ways.rows.length, more };
}

async function hasLiveServiceCodes(q: Queryable, campaignId: number): Promise<boolean> {
  const r = await q.query(`SELECT 1 FROM contact_ways WHERE campaign_id = $1 AND service_userid IS NOT NULL AND deleted_at IS NULL LIMIT 1`, [campaignId]);
  return r.rows.length > 0;
}

async function markDeleted(q: Queryable, id: number): Promise<void> {
  await q.query(`UPDATE contact_ways SET deleted_at = now() WHERE id = $1 AND deleted_at IS NULL`, [id]);
}
