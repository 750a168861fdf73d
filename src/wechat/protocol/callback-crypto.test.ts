import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCallbackCrypto } from './callback-crypto.ts';
import { buildEnvelope, parseReplyEnvelope } from './envelope.ts';
import { CallbackCryptoError } from './errors.ts';
import { VECTOR_A, VECTOR_B } from './test-vectors.ts';
import { parseXml } from './xml.ts';

const fails = (fn: () => unknown, code: number) =>
  assert.throws(fn, (e: unknown) => e instanceof CallbackCryptoError && e.code === code);

describe('Vector A (official WeCom doc)', () => {
  const cc = createCallbackCrypto({ token: VECTOR_A.token, encodingAESKey: VECTOR_A.encodingAESKey, receiveId: VECTOR_A.receiveId });

  it('verifies the URL and returns the echo', () => {
    assert.equal(cc.verifyUrl(VECTOR_A.verify), VECTOR_A.verify.plain);
  });

  it('opens the POSTed text message', () => {
    const { post } = VECTOR_A;
    const body = buildEnvelope({ toUserName: VECTOR_A.receiveId, agentId: '218', encrypt: post.encrypt });
    const { msg, envelope } = cc.openCallback(post, body);
    assert.equal(envelope.agentId, '218');
    assert.equal(Buffer.byteLength(msg), 284);
    const x = parseXml(msg);
    assert.equal(x.ToUserName, VECTOR_A.receiveId);
    assert.equal(x.FromUserName, 'mycreate');
    assert.equal(x.CreateTime, '1409659813');
    assert.equal(x.MsgType, 'text');
    assert.equal(x.Content, 'hello');
    assert.equal(x.MsgId, '4561255354251345929', 'a 64-bit MsgId stays an exact string');
    assert.equal(x.AgentID, '218');
  });

  it('rejects a receiver configured with another corpid (-40005)', () => {
    const other = createCallbackCrypto({ token: VECTOR_A.token, encodingAESKey: VECTOR_A.encodingAESKey, receiveId: 'wwother' });
    fails(() => other.verifyUrl(VECTOR_A.verify), -40005);
  });
});

describe('Vector B (wechatpy)', () => {
  const cc = createCallbackCrypto({ token: VECTOR_B.token, encodingAESKey: VECTOR_B.encodingAESKey, receiveId: VECTOR_B.receiveId });

  it('verifies the URL', () => {
    assert.equal(cc.verifyUrl(VECTOR_B.verify), VECTOR_B.verify.plain);
  });

  it('fails verification when the nonce changed', () => {
    fails(() => cc.verifyUrl({ ...VECTOR_B.verify, nonce: '437374424' }), -40001);
  });

  it('decrypts the message', () => {
    const msg = cc.decryptSigned(VECTOR_B.decrypt, VECTOR_B.decrypt.encrypt);
    const x = parseXml(msg);
    assert.equal(x.FromUserName, 'messense');
    assert.equal(x.Content, 'test');
  });

  it('encrypts and signs the reply deterministically', () => {
    const e = VECTOR_B.encrypt;
    const reply = cc.sealReply(e.msg, { timestamp: e.timestamp, nonce: e.nonce, random: Buffer.from(e.random) });
    const r = parseReplyEnvelope(reply);
    assert.equal(r.encrypt, e.encrypt);
    assert.equal(r.msgSignature, e.msgSignature);
    assert.equal(r.timestamp, e.timestamp);
    assert.equal(r.nonce, e.nonce);
    assert.match(reply, /<TimeStamp>1411525903<\/TimeStamp>/);
  });
});

describe('sealing and opening', () => {
  const creds = { token: 'tok3n', encodingAESKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', receiveId: 'wwcorp1' };
  const cc = createCallbackCrypto(creds);
  const opts = { timestamp: '1700000000', nonce: '123456' };

  it('round-trips a callback and an echostr', () => {
    const inner = '<xml><Event><![CDATA[change_external_contact]]></Event></xml>';
    const sealed = cc.sealCallback(inner, { ...opts, agentId: '1000002' });
    assert.match(sealed.body, /^<xml><ToUserName><!\[CDATA\[wwcorp1\]\]><\/ToUserName><AgentID>/);
    assert.equal(cc.openCallback(sealed.query, sealed.body).msg, inner);
    const echo = cc.sealEchostr('8172639', opts);
    assert.equal(cc.verifyUrl(echo), '8172639');
  });

  it('rejects tampering with the body, signature, timestamp or token', () => {
    const sealed = cc.sealCallback('<xml/>', opts);
    const flipped = sealed.encrypt.slice(0, 10) + (sealed.encrypt[10] === 'A' ? 'B' : 'A') + sealed.encrypt.slice(11);
    fails(() => cc.openCallback(sealed.query, sealed.body.replace(sealed.encrypt, flipped)), -40001);
    fails(() => cc.openCallback({ ...sealed.query, msg_signature: '0'.repeat(40) }, sealed.body), -40001);
    fails(() => cc.openCallback({ ...sealed.query, msg_signature: '' }, sealed.body), -40001);
    fails(() => cc.openCallback({ ...sealed.query, timestamp: '1700000001' }, sealed.body), -40001);
    const otherToken = createCallbackCrypto({ ...creds, token: 'other' });
    fails(() => otherToken.openCallback(sealed.query, sealed.body), -40001);
  });

  it('detects a ciphertext re-signed by someone without the key', () => {
    const sealed = cc.sealCallback('<xml/>', opts);
    const otherKey = createCallbackCrypto({ ...creds, encodingAESKey: 'Z'.repeat(43) });
    // Same token, so the signature is right, but the AES key differs: padding or receiveid breaks.
    assert.throws(() => otherKey.openCallback(sealed.query, sealed.body), CallbackCryptoError);
  });

  it('rejects a malformed envelope with -40002', () => {
    fails(() => cc.openCallback(opts as never, '<xml><ToUserName>x</ToUserName></xml>'), -40002);
    fails(() => cc.openCallback(opts as never, 'not xml at all <'), -40002);
  });
});
