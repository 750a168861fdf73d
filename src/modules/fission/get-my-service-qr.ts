// The QR a winner adds to claim a prize through customer service (seed 000 §2.2 "联系客服领取"):
// only the participant who won that tier, identified by their signed link, gets it.
//   staff contact     the prize's service code at WeCom (ensure-service-contact-way.ts), made on
//                     the first ask and shared by every winner of the campaign
//   uploaded image    served by GET /api/h5/me/service-qr.img under a short-lived signed key
//                     (an <img> cannot send the link token), see get-my-service-qr-image.ts
//   image URL         another host's image, handed out as it is
import { conflict, notFound } from '../../errors.ts';
import { signToken } from '../h5-auth/signed-token.ts';
import { findReward } from '../reward/reward-row.ts';
import { uploadedServiceQrId } from '../reward/service-qr-image-path.ts';
import { ensureServiceContactWay } from './ensure-service-contact-way.ts';
import { findFlowCampaign } from './flow-campaign.ts';
import type { FlowParticipant } from './flow-participant.ts';
import { linkSecret } from './links.ts';
import type { FlowDeps } from './record-contact-added.ts';

export const SERVICE_QR_KEY = 'h5-service-qr';
const KEY_SECONDS = 7 * 86_400;

export interface MyServiceQr {
  kind: 'staff' | 'qr_image';
  url: string;
}

export async function getMyServiceQr(deps: FlowDeps, me: FlowParticipant, tierNo: number, now = new Date()): Promise<MyServiceQr> {
  const { db } = deps;
  const reward = await findReward(db, me.id, tierNo);
  if (!reward || !(await findFlowCampaign(db, me.workspaceId, me.campaignId, now))) throw notFound(`your prize of tier ${tierNo}`);
  if (!('contact' in reward.reward)) throw conflict(`the prize of tier ${tierNo} is not claimed through customer service`);
  const contact = reward.reward.contact;
  if (contact.type === 'staff') {
    const way = await ensureServiceContactWay(deps, { workspaceId: me.workspaceId, campaignId: me.campaignId, staffUserId: contact.userId });
    return { kind: 'staff', url: way.qrUrl };
  }
  if (!uploadedServiceQrId(contact.imageUrl)) return { kind: 'qr_image', url: contact.imageUrl };
  const key = signToken(await linkSecret(db), { purpose: SERVICE_QR_KEY, sub: `${me.id}:${tierNo}`, exp: Math.floor(now.getTime() / 1000) + KEY_SECONDS });
  return { kind: 'qr_image', url: `/api/h5/me/service-qr.img?k=${encodeURIComponent(key)}` };
}
