// Who a visitor signed in through the Official Account is on one campaign's pages, asked by the H5
// app once per page load (POST /api/h5/c/:id/identity):
//   participant  their own participation here (found through unionid → WeCom customer), with a
//                fresh personal-link token and help code: opening any page of the campaign through
//                OAuth brings a participant to their own page, no `?t=` needed;
//   link         what to make of a participant-link token the browser holds (`?t=` of a welcome
//                card, perhaps forwarded): 'mine', 'not_yours' (OAuth says it is someone else's:
//                the page must drop it and never act with it), 'invalid', or 'unverified' when
//                OAuth cannot tell (WeChat gave no unionid, or the owner's is unknown) — then the
//                signed link is the only evidence there is, as without an OA;
//   customer     whether we know them at WeCom, and as a friend of this campaign's staff (then one
//                tap can join or help; otherwise the page shows the staff QR to add).
import { staffPool } from '../../domain/task-fission/channel.ts';
import { verifyToken } from '../h5-auth/signed-token.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Queryable } from '../../db/client.ts';
import { sessionVisitor } from './authenticate-session.ts';
import { findFlowCampaign } from './flow-campaign.ts';
import { findParticipant, findParticipantById } from './flow-participant.ts';
import { inviterCode, linkSecret, PARTICIPANT_LINK, participantToken } from './links.ts';

export type LinkVerdict = 'mine' | 'not_yours' | 'unverified' | 'invalid';

export interface VisitorIdentity {
  participant: { id: number; token: string; helpCode: string } | null;
  link: LinkVerdict | null;
  customer: { known: boolean; friendOfStaff: boolean };
}

export async function identifyVisitor(q: Queryable, p: { campaignId: number; session: string | undefined; participantToken?: string | null | undefined }, now = new Date()): Promise<VisitorIdentity> {
  if (!p.session) throw new AppError('unauthorized', 'missing session: sign in through WeChat first (GET /api/h5/oauth/start)');
  const visitor = await sessionVisitor(q, p.session, p.campaignId);
  if (!visitor) throw new AppError('unauthorized', 'this token is not a WeChat sign-in session');
  const campaign = await findFlowCampaign(q, visitor.session.workspaceId, p.campaignId, now);
  if (!campaign || campaign.status === 'draft') throw notFound(`campaign ${p.campaignId}`);
  const secret = await linkSecret(q);
  const { customer } = visitor;
  const own = customer ? await findParticipant(q, campaign.id, { externalUserId: customer.externalUserId }) : null;

  let link: LinkVerdict | null = null;
  if (p.participantToken) {
    const v = verifyToken(secret, p.participantToken, PARTICIPANT_LINK);
    const holder = v.ok ? await findParticipantById(q, Number(v.claims.sub)) : null;
    if (!holder || holder.campaignId !== campaign.id) link = 'invalid';
    else if (customer) link = holder.externalUserId === customer.externalUserId ? 'mine' : 'not_yours';
    else link = await byUnionid(q, holder.id, visitor.session.unionid);
  }
  const pool = staffPool(campaign.config.channel);
  return {
    participant: own && { id: own.id, token: participantToken(secret, own.id, campaign.config.endAt), helpCode: inviterCode(secret, campaign.id, own.id) },
    link,
    customer: { known: customer !== null, friendOfStaff: customer !== null && customer.staffUserIds.some((s) => pool.includes(s)) },
  };
}

/** Without a directory entry the unionids can still be compared, when both are known. */
async function byUnionid(q: Queryable, participantId: number, unionid: string | null): Promise<LinkVerdict> {
  const r = await q.query<{ unionid: string | null }>(`SELECT unionid FROM participants WHERE id = $1`, [participantId]);
  const theirs = r.rows[0]?.unionid ?? null;
  if (!unionid || !theirs) return 'unverified';
  return theirs === unionid ? 'mine' : 'not_yours';
}
