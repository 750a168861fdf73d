import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { signToken, verifyToken } from './signed-token.ts';

const secret = randomBytes(32);
const now = 1_800_000_000;

test('a token verifies for its purpose until it expires', () => {
  const t = signToken(secret, { purpose: 'participant-link', sub: '42', exp: now + 60 });
  assert.deepEqual(verifyToken(secret, t, 'participant-link', now), { ok: true, claims: { purpose: 'participant-link', sub: '42', exp: now + 60 } });
  assert.deepEqual(verifyToken(secret, t, 'participant-link', now + 61), { ok: false, reason: 'expired' });
  assert.deepEqual(verifyToken(secret, t, 'h5-session', now), { ok: false, reason: 'wrong_purpose' });
});

test('editing any part of a token, or another secret, fails the signature', () => {
  const t = signToken(secret, { purpose: 'participant-link', sub: '42', exp: now + 60 });
  const [body, mac] = t.split('.');
  const forged = Buffer.from(Buffer.from(body!, 'base64url').toString().replace('.42.', '.43.')).toString('base64url');
  assert.equal(verifyToken(secret, `${forged}.${mac}`, 'participant-link', now).ok, false);
  assert.equal(verifyToken(randomBytes(32), t, 'participant-link', now).ok, false);
  assert.deepEqual(verifyToken(secret, 'garbage', 'participant-link', now), { ok: false, reason: 'malformed' });
  assert.deepEqual(verifyToken(secret, `${t}.x`, 'participant-link', now), { ok: false, reason: 'malformed' });
});

test('subjects with separators are refused at signing', () => {
  assert.throws(() => signToken(secret, { purpose: 'p', sub: 'a.b', exp: now }));
});
