// A returning customer on the H5 pages (seed 000 老用户参与 / 老用户助力). They add no staff member,
// so WeCom sends no event: who they are comes from their OAuth session where the workspace has an
// Official Account (authenticate-session.ts), else from a signed customer link that staff send them
// (issue-customer-link.ts).
import type { Queryable } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { sessionCustomer, sessionVisitor } from './authenticate-session.ts';
import { linkSecret, verifyCustomerToken } from './links.ts';

const WHY = {
  malformed: 'the customer token is malformed',
  bad_signature: 'the customer token is not valid (it was changed or is not ours)',
  wrong_purpose: 'this token is not a customer link',
  expired: 'this customer link has expired',
} as const;

export async function authenticateCustomer(q: Queryable, token: string | undefined, campaignId: number): Promise<{ externalUserId: string }> {
  if (!token) throw new AppError('unauthorized', 'missing customer token: open the page inside WeChat, or the link the staff member sent you');
  const visitor = await sessionVisitor(q, token, campaignId);
  if (visitor) return sessionCustomer(visitor);
  const v = verifyCustomerToken(await linkSecret(q), token);
  if (!v.ok) throw new AppError('unauthorized', WHY[v.reason]);
  if (v.campaignId !== campaignId) throw new AppError('unauthorized', `this customer link is for campaign ${v.campaignId}, not ${campaignId}`);
  return { externalUserId: v.externalUserId };
}
