// The campaign's activity code (its "contact me" code without an inviter) for operators to publish:
// the QR image WeCom made for it. Created on demand if the publish job has not run yet.
import { AppError } from '../../errors.ts';
import { getCampaign } from '../campaign/get-campaign.ts';
import { ensureContactWay, type LiveContactWay } from './ensure-contact-way.ts';
import type { FlowDeps } from './record-contact-added.ts';

export async function getActivityCode(deps: FlowDeps, workspaceId: string, campaignId: number): Promise<LiveContactWay> {
  const campaign = await getCampaign(deps.db, workspaceId, campaignId);
  if (!campaign.publishedAt) throw new AppError('conflict', 'a draft has no activity code yet: publish the campaign first');
  return ensureContactWay(deps, { workspaceId, campaignId, participantId: null });
}

/** The QR image itself, fetched from WeCom's image URL (operators download it as a PNG). */
export async function fetchActivityCodeImage(code: LiveContactWay): Promise<{ bytes: Buffer; contentType: string }> {
  const res = await fetch(code.qrUrl, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new AppError('unavailable', `WeCom did not serve the QR image (HTTP ${res.status})`);
  return { bytes: Buffer.from(await res.arrayBuffer()), contentType: res.headers.get('content-type') ?? 'image/png' };
}
