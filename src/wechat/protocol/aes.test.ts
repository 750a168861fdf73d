import assert from 'node:assert/strict';
import { createCipheriv } from 'node:crypto';
import { describe, it } from 'node:test';
import { aesKeyFromEncodingAESKey, decryptMessage, encryptMessage, pkcs7Pad, pkcs7Unpad } from './aes.ts';
import { CallbackCryptoError } from './errors.ts';
import { VECTOR_A, VECTOR_B } from './test-vectors.ts';

const rejectsWith = (fn: () => unknown, code: number) =>
  assert.throws(fn, (e: unknown) => e instanceof CallbackCryptoError && e.code === code);

describe('AES key', () => {
  it('derives Vector A key and IV', () => {
    const aes = aesKeyFromEncodingAESKey(VECTOR_A.encodingAESKey);
    assert.equal(aes.key.toString('hex'), VECTOR_A.keyHex);
    assert.equal(aes.iv.toString('hex'), VECTOR_A.ivHex);
  });

  it('rejects keys that are not 43 alphanumerics with -40004', () => {
    rejectsWith(() => aesKeyFromEncodingAESKey(VECTOR_A.encodingAESKey.slice(1)), -40004);
    rejectsWith(() => aesKeyFromEncodingAESKey(`${VECTOR_A.encodingAESKey.slice(1)}+`), -40004);
  });
});

describe('PKCS#7 to 32-byte blocks', () => {
  it('pads 1..32 and a full block when aligned', () => {
    assert.equal(pkcs7Pad(Buffer.alloc(31)).length, 32);
    assert.equal(pkcs7Pad(Buffer.alloc(31)).at(-1), 1);
    const aligned = pkcs7Pad(Buffer.alloc(32));
    assert.equal(aligned.length, 64);
    assert.deepEqual([...aligned.subarray(32)], Array(32).fill(32));
    assert.equal(pkcs7Pad(Buffer.alloc(5)).at(-1), 27);
  });

  it('unpads what it padded and rejects bad padding with -40008', () => {
    for (const n of [0, 1, 15, 16, 17, 31, 32, 33]) {
      const data = Buffer.alloc(n, 7);
      assert.deepEqual(pkcs7Unpad(pkcs7Pad(data)), data);
    }
    rejectsWith(() => pkcs7Unpad(Buffer.from([1, 2, 0])), -40008);
    rejectsWith(() => pkcs7Unpad(Buffer.from([1, 2, 33])), -40008);
    rejectsWith(() => pkcs7Unpad(Buffer.from([9, 3, 3])), -40008);
  });
});

describe('message encryption', () => {
  const aesA = aesKeyFromEncodingAESKey(VECTOR_A.encodingAESKey);
  const aesB = aesKeyFromEncodingAESKey(VECTOR_B.encodingAESKey);

  it('decrypts the Vector A echostr into its parts', () => {
    const d = decryptMessage(aesA, VECTOR_A.verify.echostr);
    assert.equal(d.msg, VECTOR_A.verify.plain);
    assert.equal(d.receiveId, VECTOR_A.receiveId);
    assert.equal(d.random.toString('ascii'), VECTOR_A.verify.random);
  });

  it('encrypts Vector B deterministically with the fixed random prefix', () => {
    const enc = encryptMessage(aesB, VECTOR_B.encrypt.msg, VECTOR_B.receiveId, Buffer.from(VECTOR_B.encrypt.random));
    assert.equal(enc, VECTOR_B.encrypt.encrypt);
  });

  it('round-trips unicode, empty and block-aligned messages with random prefixes', () => {
    for (const msg of ['', '裂变🎉<xml>', 'x'.repeat(12), 'y'.repeat(1000)]) {
      const enc = encryptMessage(aesA, msg, 'ww_corp');
      const d = decryptMessage(aesA, enc);
      assert.equal(d.msg, msg);
      assert.equal(d.receiveId, 'ww_corp');
      assert.match(d.random.toString('ascii'), /^[A-Za-z0-9]{16}$/);
    }
    assert.notEqual(encryptMessage(aesA, 'same', 'c'), encryptMessage(aesA, 'same', 'c'));
  });

  it('fails on a wrong key, bad base64 and truncated ciphertext', () => {
    const enc = encryptMessage(aesA, 'hello', 'corp');
    assert.throws(() => decryptMessage(aesB, enc), CallbackCryptoError);
    rejectsWith(() => decryptMessage(aesA, 'not base64!'), -40010);
    rejectsWith(() => decryptMessage(aesA, ''), -40010);
    rejectsWith(() => decryptMessage(aesA, Buffer.from('short').toString('base64')), -40007);
  });

  it('rejects a length field pointing past the buffer with -40008', () => {
    const plain = Buffer.concat([Buffer.from('0123456789abcdef'), Buffer.from([0, 0, 1, 0]), Buffer.from('abc')]);
    const c = createCipheriv('aes-256-cbc', aesA.key, aesA.iv);
    c.setAutoPadding(false);
    const crafted = Buffer.concat([c.update(pkcs7Pad(plain)), c.final()]).toString('base64');
    rejectsWith(() => decryptMessage(aesA, crafted), -40008);
  });
});
