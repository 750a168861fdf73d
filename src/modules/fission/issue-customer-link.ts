// A signed link that lets a returning customer (already a friend of the staff) join or help on the
// H5 pages in WeCom-only mode, where nothing else can tell who they are. Staff send it in the chat;
// whoever holds it acts as that customer, so it lives only as long as the campaign (+ claim time).
import type { Config } from '../../config.ts';
import type { Queryable } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import { findFlowCampaign } from './flow-campaign.ts';
import { customerToken, linkExpiry, linkSecret } from './links.ts';

export async function issueCustomerLink(
  q: Queryable, config: Config, p: { workspaceId: string; campaignId: number; externalUserId: string },
): Promise<{ token: string; url: string }> {
  const c = await findFlowCampaign(q, p.workspaceId, p.campaignId, new Date());
  if (!c) throw notFound(`campaign ${p.campaignId}`);
  const token = customerToken(await linkSecret(q), c.id, p.externalUserId, linkExpiry(c.config.endAt));
  return { token, url: `${config.publicUrl}/h5/c/${c.id}/join?ct=${encodeURIComponent(token)}` };
}
