import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { SESSION_SECONDS, signSession, verifySession } from './session-token.ts';
import { signToken } from './signed-token.ts';

const secret = randomBytes(32);
const now = 1_800_000_000;
const ws = '1834545f-d76f-4477-ae0c-e43615a8654e';

test('a session names workspace, openid and unionid, for 12 hours', () => {
  const s = signSession(secret, { workspaceId: ws, openid: 'oAbc_12-xyz', unionid: 'oUnion_9' }, now);
  assert.deepEqual(verifySession(secret, s, now + SESSION_SECONDS), { ok: true, session: { workspaceId: ws, openid: 'oAbc_12-xyz', unionid: 'oUnion_9' } });
  assert.deepEqual(verifySession(secret, s, now + SESSION_SECONDS + 1), { ok: false, reason: 'expired' });
});

test('without a unionid, and never from another kind of token or another key', () => {
  const s = signSession(secret, { workspaceId: ws, openid: 'oAbc', unionid: null }, now);
  assert.deepEqual(verifySession(secret, s, now), { ok: true, session: { workspaceId: ws, openid: 'oAbc', unionid: null } });
  const link = signToken(secret, { purpose: 'participant-link', sub: '42', exp: now + 60 });
  assert.deepEqual(verifySession(secret, link, now), { ok: false, reason: 'wrong_purpose' });
  assert.deepEqual(verifySession(randomBytes(32), s, now), { ok: false, reason: 'bad_signature' });
  const odd = signToken(secret, { purpose: 'h5-session', sub: `${ws}:oAbc`, exp: now + 60 });
  assert.deepEqual(verifySession(secret, odd, now), { ok: false, reason: 'malformed' });
});
