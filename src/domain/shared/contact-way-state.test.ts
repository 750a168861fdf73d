import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { encodeContactWayState, parseContactWayState, STATE_MAX_LENGTH } from './contact-way-state.ts';

const MAX = Number.MAX_SAFE_INTEGER;

describe('encodeContactWayState', () => {
  it('encodes the campaign alone and with an inviter', () => {
    assert.equal(encodeContactWayState({ campaignId: 1, inviterParticipantId: null }), 'f111');
    assert.equal(encodeContactWayState({ campaignId: 36, inviterParticipantId: 35 }), 'f1210z');
  });

  it('fits in 30 characters for the largest ids', () => {
    const state = encodeContactWayState({ campaignId: MAX, inviterParticipantId: MAX });
    assert.equal(state, `f1b${MAX.toString(36)}${MAX.toString(36)}`);
    assert.equal(state.length, 25);
    assert.ok(state.length <= STATE_MAX_LENGTH);
    assert.match(state, /^[a-z0-9]+$/);
  });

  it('refuses ids that are not positive safe integers', () => {
    for (const bad of [0, -1, 1.5, MAX + 1, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.throws(() => encodeContactWayState({ campaignId: bad, inviterParticipantId: null }), RangeError);
      assert.throws(() => encodeContactWayState({ campaignId: 1, inviterParticipantId: bad }), RangeError);
    }
  });
});

describe('service code state', () => {
  it('encodes the campaign after "f1s" and round-trips across id sizes', () => {
    assert.equal(encodeContactWayState({ kind: 'service', campaignId: 1 }), 'f1s11');
    assert.equal(encodeContactWayState({ kind: 'service', campaignId: 36 }), 'f1s210');
    for (const campaignId of [1, 9, 35, 36, 1295, 1296, 123456789, 2 ** 32 + 7, MAX - 1, MAX]) {
      const state = { kind: 'service' as const, campaignId };
      const raw = encodeContactWayState(state);
      assert.ok(raw.length <= 15 && raw.length <= STATE_MAX_LENGTH, raw);
      assert.match(raw, /^[a-z0-9]+$/);
      assert.deepEqual(parseContactWayState(raw), state);
    }
  });

  it('is never taken for a fission code, nor a fission code for it', () => {
    for (const campaignId of [1, 28, 29, 1000, MAX]) {
      assert.equal(parseContactWayState(encodeContactWayState({ kind: 'service', campaignId }))?.kind, 'service');
      for (const inviterParticipantId of [null, 1, 28, MAX]) {
        assert.equal(parseContactWayState(encodeContactWayState({ campaignId, inviterParticipantId }))?.kind, 'fission');
      }
    }
  });

  it('refuses ids that are not positive safe integers', () => {
    for (const bad of [0, -1, 1.5, MAX + 1, Number.NaN]) assert.throws(() => encodeContactWayState({ kind: 'service', campaignId: bad }), RangeError);
  });
});

describe('parseContactWayState', () => {
  it('round-trips across id sizes', () => {
    const ids = [1, 9, 10, 35, 36, 1295, 1296, 123456789, 2 ** 31, 2 ** 32 + 7, MAX - 1, MAX];
    for (const campaignId of ids) {
      for (const inviterParticipantId of [null, 1, 36, MAX]) {
        const state = { kind: 'fission' as const, campaignId, inviterParticipantId };
        assert.deepEqual(parseContactWayState(encodeContactWayState(state)), state);
        // `kind` may be left out for a fission code.
        assert.equal(encodeContactWayState({ campaignId, inviterParticipantId }), encodeContactWayState(state));
      }
    }
  });

  it('returns null for foreign or malformed states, never throwing', () => {
    const foreign = [
      undefined, null, 42, {}, '', 'f1', 'f10', 'f11', 'f1c1', 'f2111', 'F111', 'f1A1', 'f111_2', 'f1 11',
      '外联二维码1', 'teststate', 'klsdup3kj3s1', 'f1x' + '1'.repeat(27), 'f12a', // length says 2, only 1 char
      'f1101', // campaign id with a leading zero
      'f1110', // inviter id "0"
      'f11101', // inviter id with a leading zero
      `f1c${'1'.repeat(12)}`, // 12-char campaign id
      `f1b${(MAX + 1).toString(36)}`, // 2^53: not a safe integer
      `f11${'1'}${'z'.repeat(11)}`, // inviter beyond 2^53
      `f11${'1'}${'1'.repeat(12)}`, // inviter longer than 11 chars
      `f111${'1'.repeat(27)}`, // over 30 characters
      'f1s', 'f1s1', 'f1s10', 'f1s21', 'f1s2101', // service: no id, id "0", length says 2 but 1 char, leading zero
      'f1s111', // service codes carry no inviter
      `f1sc${'1'.repeat(12)}`, `f1sb${(MAX + 1).toString(36)}`, 'F1S11', 'f1S11',
    ];
    for (const raw of foreign) assert.equal(parseContactWayState(raw), null, String(raw));
  });
});
