// Who is helping on a help page without scanning: a participant of the same campaign (their own
// link) or a returning customer (their OAuth session, or a customer link). Every token is signed;
// which one it is shows in its purpose.
import type { Queryable } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { verifyToken } from '../h5-auth/signed-token.ts';
import { authenticateCustomer } from './authenticate-customer.ts';
import { authenticateParticipant } from './authenticate-participant.ts';
import { linkSecret, PARTICIPANT_LINK } from './links.ts';

export async function authenticateVisitor(q: Queryable, token: string | undefined, campaignId: number): Promise<{ externalUserId: string }> {
  if (token && verifyToken(await linkSecret(q), token, PARTICIPANT_LINK).ok) {
    const p = await authenticateParticipant(q, token);
    if (p.campaignId !== campaignId) throw new AppError('unauthorized', `this participant link is for campaign ${p.campaignId}, not ${campaignId}`);
    return { externalUserId: p.externalUserId };
  }
  return authenticateCustomer(q, token, campaignId);
}
