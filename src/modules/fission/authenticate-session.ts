// A visitor signed in through the Official Account (h5-auth/finish-oauth.ts) acting on a campaign's
// page: the session names a WeChat user (openid, unionid) of the campaign's workspace, and the
// customer directory says who that unionid is at WeCom. Someone WeCom does not know us to have met
// — or whose unionid WeChat would not give — cannot act without scanning: 409, the page shows the QR.
import type { Queryable } from '../../db/client.ts';
import { AppError, conflict } from '../../errors.ts';
import { findCustomerByUnionid, type KnownCustomer } from '../customers/customer-directory.ts';
import { verifySession, type H5Session } from '../h5-auth/session-token.ts';
import { campaignWorkspaceId } from './flow-campaign.ts';
import { linkSecret } from './links.ts';

export interface SessionVisitor {
  session: H5Session;
  /** Who they are at WeCom; null when we do not know them there. */
  customer: KnownCustomer | null;
}

/** The signed-in visitor, or null when `token` is not a session (some other link token). */
export async function sessionVisitor(q: Queryable, token: string, campaignId: number): Promise<SessionVisitor | null> {
  const v = verifySession(await linkSecret(q), token);
  if (!v.ok) {
    // The purpose is checked before the expiry: an expired token of another kind never says 'expired' here.
    if (v.reason === 'expired') throw new AppError('unauthorized', 'your WeChat sign-in has expired: open the page again');
    return null;
  }
  if ((await campaignWorkspaceId(q, campaignId)) !== v.session.workspaceId) {
    throw new AppError('unauthorized', `this WeChat sign-in is not for the workspace of campaign ${campaignId}`);
  }
  const customer = v.session.unionid ? await findCustomerByUnionid(q, v.session.workspaceId, v.session.unionid) : null;
  return { session: v.session, customer };
}

/** The WeCom customer a session names, for acting on the page (join, help). */
export function sessionCustomer(visitor: SessionVisitor): { externalUserId: string } {
  if (!visitor.session.unionid) throw conflict('WeChat did not tell us who you are at WeCom: scan the QR code to add the staff member');
  if (!visitor.customer) throw conflict('you are not yet a friend of this campaign\'s staff: scan the QR code to add them');
  return { externalUserId: visitor.customer.externalUserId };
}
