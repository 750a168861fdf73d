// The links participants get. The personal link (welcome card → "my page") carries a signed
// participant token; the help link is public and names the inviter with a short signed code, so
// nobody can help "participant 42" by typing a number, and neither link can be edited to read or
// act for someone else.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Config } from '../../config.ts';
import { signToken, verifyToken, type VerifyResult } from '../h5-auth/signed-token.ts';

export { linkSecret } from '../h5-auth/link-secret.ts';

export const PARTICIPANT_LINK = 'participant-link';
/** A returning customer's identity, from a link staff send them (where the workspace has no OA to sign in with). */
export const CUSTOMER_LINK = 'customer-link';
/** Links stay usable this long after the campaign ends, to claim prizes. */
const AFTER_END_SECONDS = 90 * 86_400;

export function linkExpiry(endAt: string | Date): number {
  return Math.floor(new Date(endAt).getTime() / 1000) + AFTER_END_SECONDS;
}

export function participantToken(secret: Buffer, participantId: number, endAt: string | Date): string {
  return signToken(secret, { purpose: PARTICIPANT_LINK, sub: String(participantId), exp: linkExpiry(endAt) });
}

export function myPageUrl(config: Config, campaignId: number, token: string): string {
  return `${config.publicUrl}/h5/c/${campaignId}/me?t=${encodeURIComponent(token)}`;
}

export function inviterCode(secret: Buffer, campaignId: number, participantId: number): string {
  return `${participantId.toString(36)}-${inviterMac(secret, campaignId, participantId)}`;
}

/** The participant id an inviter code names, or null when it is not a code we issued for this campaign. */
export function parseInviterCode(secret: Buffer, campaignId: number, code: string): number | null {
  const m = /^([0-9a-z]{1,11})-([0-9a-f]{12})$/.exec(code);
  if (!m) return null;
  const id = Number.parseInt(m[1]!, 36);
  if (!Number.isSafeInteger(id) || id < 1 || id.toString(36) !== m[1]) return null;
  const expected = Buffer.from(inviterMac(secret, campaignId, id));
  const got = Buffer.from(m[2]!);
  return expected.length === got.length && timingSafeEqual(expected, got) ? id : null;
}

export function helpUrl(config: Config, secret: Buffer, campaignId: number, participantId: number): string {
  return `${config.publicUrl}/h5/c/${campaignId}/help/${inviterCode(secret, campaignId, participantId)}`;
}

function inviterMac(secret: Buffer, campaignId: number, participantId: number): string {
  return createHmac('sha256', secret).update(`inviter:${campaignId}:${participantId}`).digest('hex').slice(0, 12);
}

export function customerToken(secret: Buffer, campaignId: number, externalUserId: string, exp: number): string {
  return signToken(secret, { purpose: CUSTOMER_LINK, sub: `${campaignId}:${externalUserId}`, exp });
}

export type CustomerIdentity = { ok: true; campaignId: number; externalUserId: string } | { ok: false; reason: Exclude<VerifyResult, { ok: true }>['reason'] };

export function verifyCustomerToken(secret: Buffer, token: string): CustomerIdentity {
  const v = verifyToken(secret, token, CUSTOMER_LINK);
  if (!v.ok) return v;
  const i = v.claims.sub.indexOf(':');
  const campaignId = Number(v.claims.sub.slice(0, i));
  const externalUserId = v.claims.sub.slice(i + 1);
  if (i < 1 || !Number.isSafeInteger(campaignId) || !externalUserId) return { ok: false, reason: 'malformed' };
  return { ok: true, campaignId, externalUserId };
}
