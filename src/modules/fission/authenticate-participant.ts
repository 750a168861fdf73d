// Who is asking on the H5 pages: the participant named by the signed token of their personal link
// (later also an OA OAuth session). Never an id from a query parameter: a token cannot be edited
// into someone else's without breaking its signature.
import type { Queryable } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { verifyToken } from '../h5-auth/signed-token.ts';
import { findParticipantById, type FlowParticipant } from './flow-participant.ts';
import { linkSecret, PARTICIPANT_LINK } from './links.ts';

const WHY = {
  malformed: 'the participant token is malformed',
  bad_signature: 'the participant token is not valid (it was changed or is not ours)',
  wrong_purpose: 'this token is not a participant link',
  expired: 'this participant link has expired',
} as const;

export async function authenticateParticipant(q: Queryable, token: string | undefined): Promise<FlowParticipant> {
  if (!token) throw new AppError('unauthorized', 'missing participant token: open your personal link from the WeCom chat');
  const v = verifyToken(await linkSecret(q), token, PARTICIPANT_LINK);
  if (!v.ok) throw new AppError('unauthorized', WHY[v.reason]);
  const p = await findParticipantById(q, Number(v.claims.sub));
  if (!p) throw new AppError('unauthorized', 'the participant of this link no longer exists');
  return p;
}
