// The uploaded customer-service QR image of a winner's prize, for the signed key getMyServiceQr
// handed out (participant and tier inside, short-lived): nobody else's key opens it.
import type { Queryable } from '../../db/client.ts';
import { AppError, notFound } from '../../errors.ts';
import { verifyToken } from '../h5-auth/signed-token.ts';
import { getServiceQrImage } from '../reward/get-service-qr-image.ts';
import { findReward } from '../reward/reward-row.ts';
import { uploadedServiceQrId } from '../reward/service-qr-image-path.ts';
import { findParticipantById } from './flow-participant.ts';
import { SERVICE_QR_KEY } from './get-my-service-qr.ts';
import { linkSecret } from './links.ts';

export async function getMyServiceQrImage(q: Queryable, key: string) {
  const v = verifyToken(await linkSecret(q), key, SERVICE_QR_KEY);
  if (!v.ok) throw new AppError('unauthorized', `the QR key is not valid (${v.reason}): open the claim page again for a new one`);
  const [participantId, tierNo] = v.claims.sub.split(':').map(Number);
  const me = await findParticipantById(q, participantId!);
  const reward = me && (await findReward(q, me.id, tierNo!));
  const contact = reward && 'contact' in reward.reward ? reward.reward.contact : null;
  const imageId = contact?.type === 'qr_image' ? uploadedServiceQrId(contact.imageUrl) : null;
  if (!me || !imageId) throw notFound('QR image');
  return getServiceQrImage(q, me.workspaceId, imageId);
}
