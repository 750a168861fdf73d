// Compact HMAC-signed tokens for links that identify a participant (welcome card → H5 page) and
// for the H5 session cookie. A token names its purpose, so one kind can never stand in for another,
// and carries an expiry. Editing any part invalidates the signature.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface TokenClaims {
  /** What the token is for, e.g. 'participant-link' or 'h5-session'. */
  purpose: string;
  /** The subject, e.g. a participant id. Letters, digits, '-', '_', ':' only. */
  sub: string;
  /** Expiry, Unix seconds. */
  exp: number;
}

const b64 = (b: Buffer) => b.toString('base64url');
const SUB = /^[A-Za-z0-9_:-]{1,200}$/;

export function signToken(secret: Buffer, claims: TokenClaims): string {
  if (!SUB.test(claims.sub) || !SUB.test(claims.purpose)) throw new Error('token subject/purpose has characters outside [A-Za-z0-9_:-]');
  const body = `${claims.purpose}.${claims.sub}.${claims.exp.toString(36)}`;
  const mac = createHmac('sha256', secret).update(body).digest().subarray(0, 18);
  return `${b64(Buffer.from(body))}.${b64(mac)}`;
}

export type VerifyResult = { ok: true; claims: TokenClaims } | { ok: false; reason: 'malformed' | 'bad_signature' | 'wrong_purpose' | 'expired' };

export function verifyToken(secret: Buffer, token: string, purpose: string, nowSeconds = Math.floor(Date.now() / 1000)): VerifyResult {
  const [bodyB64, macB64, extra] = token.split('.');
  if (!bodyB64 || !macB64 || extra !== undefined) return { ok: false, reason: 'malformed' };
  const body = Buffer.from(bodyB64, 'base64url').toString();
  const expected = createHmac('sha256', secret).update(body).digest().subarray(0, 18);
  const got = Buffer.from(macB64, 'base64url');
  if (got.length !== expected.length || !timingSafeEqual(got, expected)) return { ok: false, reason: 'bad_signature' };
  const [p, sub, exp36, more] = body.split('.');
  if (!p || !sub || !exp36 || more !== undefined) return { ok: false, reason: 'malformed' };
  if (p !== purpose) return { ok: false, reason: 'wrong_purpose' };
  const exp = parseInt(exp36, 36);
  if (!Number.isFinite(exp) || exp < nowSeconds) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { purpose: p, sub, exp } };
}
