// Callback signatures (reference §2 "Signature", §6.3 plain mode): SHA-1 over the byte-wise sorted
// parameters concatenated without separators, lowercase hex.
import { createHash, timingSafeEqual } from 'node:crypto';

function sha1OfSorted(parts: string[]): string {
  const sorted = [...parts].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return createHash('sha1').update(sorted.join(''), 'utf8').digest('hex');
}

/** WeCom (and OA safe mode) `msg_signature` over token, timestamp, nonce and the encrypted text. */
export function msgSignature(token: string, timestamp: string, nonce: string, encrypt: string): string {
  return sha1OfSorted([token, timestamp, nonce, encrypt]);
}

/** OA plain-mode `signature` over token, timestamp and nonce. */
export function plainSignature(token: string, timestamp: string, nonce: string): string {
  return sha1OfSorted([token, timestamp, nonce]);
}

/** Constant-time comparison of two hex signatures (case-insensitive, as WeChat sends lowercase). */
export function signaturesEqual(expected: string, given: string): boolean {
  const a = Buffer.from(expected.toLowerCase());
  const b = Buffer.from(given.toLowerCase());
  return a.length === b.length && timingSafeEqual(a, b);
}
