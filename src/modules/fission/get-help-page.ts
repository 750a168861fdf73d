// The public help page of one inviter (seed 000 好友助力流程: "帮TA助力"): the campaign's state and
// stock, whose page it is and how far they are, and the staff QR code whose `state` names the
// inviter — created at WeCom the first time anyone opens the page (ensure-contact-way.ts). No QR
// once the campaign is not running: a help could not count.
import { notFound } from '../../errors.ts';
import { nextTier, type NextTier } from '../../domain/task-fission/progress.ts';
import { enqueueCleanupIfEnded } from './enqueue-cleanup.ts';
import { ensureContactWay } from './ensure-contact-way.ts';
import { campaignWorkspaceId, findFlowCampaign } from './flow-campaign.ts';
import { findParticipant } from './flow-participant.ts';
import { linkSecret, parseInviterCode } from './links.ts';
import { publicCampaign, type PublicCampaign } from './public-campaign.ts';
import type { FlowDeps } from './record-contact-added.ts';

export interface HelpPage {
  campaign: PublicCampaign;
  inviter: { nickname: string; avatar: string | null; validHelps: number; nextTier: NextTier | null };
  /** The staff QR to scan; null when helping is not possible now. */
  staffQr: { url: string } | null;
}

export async function getHelpPage(deps: FlowDeps, campaignId: number, inviterCode: string, now = new Date()): Promise<HelpPage> {
  const { db } = deps;
  const inviterId = parseInviterCode(await linkSecret(db), campaignId, inviterCode);
  const workspaceId = await campaignWorkspaceId(db, campaignId);
  if (inviterId === null || !workspaceId) throw notFound('help page');
  const c = await findFlowCampaign(db, workspaceId, campaignId, now);
  const inviter = await findParticipant(db, campaignId, { id: inviterId });
  if (!c || !inviter) throw notFound('help page');
  await enqueueCleanupIfEnded(db, deps.jobs, workspaceId, c);
  const won = await db.query<{ tierNo: number }>(`SELECT tier_no AS "tierNo" FROM rewards WHERE participant_id = $1`, [inviter.id]);
  const qr = c.status === 'running' ? await ensureContactWay(deps, { workspaceId, campaignId, participantId: inviter.id }) : null;
  return {
    campaign: publicCampaign(c),
    inviter: { nickname: inviter.nickname, avatar: inviter.avatar, validHelps: inviter.validHelps, nextTier: nextTier(c.tiers, inviter.validHelps, won.rows.map((r) => r.tierNo)) },
    staffQr: qr && { url: qr.qrUrl },
  };
}
