import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { msgSignature, plainSignature, signaturesEqual } from './signature.ts';
import { VECTOR_A } from './test-vectors.ts';

describe('signatures', () => {
  it('computes the WeCom msg_signature of Vector A', () => {
    const v = VECTOR_A.verify;
    assert.equal(msgSignature(VECTOR_A.token, v.timestamp, v.nonce, v.echostr), v.msg_signature);
  });

  it('computes the OA plain-mode signature (checked against Python hashlib)', () => {
    assert.equal(plainSignature('abc123token', '1700000000', '98765'), '6fd16d9cf032fac5f47991e0453ee0db22ce7443');
  });

  it('sorts by bytes, not by number', () => {
    // '10' < '9' < 't' byte-wise: sha1('109t'); a numeric sort would hash '910t'.
    assert.equal(plainSignature('t', '9', '10'), '8f98d5e3d90b19472c39faab0cf79fc3d00d039f');
  });

  it('compares signatures case-insensitively and rejects length mismatches', () => {
    assert.ok(signaturesEqual('abc', 'ABC'));
    assert.ok(!signaturesEqual('abc', 'abd'));
    assert.ok(!signaturesEqual('abc', 'abcd'));
  });
});
