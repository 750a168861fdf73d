// One corp's (or OA's) callback crypto: verify + decrypt what WeChat sends, and seal what WeChat
// (the sandbox) sends or what a receiver replies. Built from the console values token,
// EncodingAESKey and the receiveid (corpid for corp apps, AppID for an OA).
import { aesKeyFromEncodingAESKey, decryptMessage, encryptMessage } from './aes.ts';
import { buildEnvelope, buildReplyEnvelope, parseEnvelope } from './envelope.ts';
import type { CallbackEnvelope } from './envelope.ts';
import { CallbackCryptoError } from './errors.ts';
import { msgSignature, signaturesEqual } from './signature.ts';

export interface CallbackCredentials {
  token: string;
  encodingAESKey: string;
  receiveId: string;
}

/** The query string WeChat puts on every encrypted callback. */
export interface SignedQuery {
  msg_signature: string;
  timestamp: string;
  nonce: string;
}

export interface SealOptions {
  timestamp: string;
  nonce: string;
  /** Fixed 16-byte random prefix (tests and reproducible fixtures); random otherwise. */
  random?: Buffer;
}

export interface SealedCallback {
  query: SignedQuery;
  body: string;
  encrypt: string;
}

export interface CallbackCrypto {
  /** GET URL verification: checks the signature over echostr and returns the plaintext to echo. */
  verifyUrl(q: SignedQuery & { echostr: string }): string;
  /** POST delivery: checks the signature over <Encrypt> and returns the decrypted inner XML. */
  openCallback(q: SignedQuery, bodyXml: string): { msg: string; envelope: CallbackEnvelope };
  /** Checks a signature and decrypts one ciphertext (shared by both of the above). */
  decryptSigned(q: SignedQuery, encrypt: string): string;
  encrypt(msg: string, random?: Buffer): string;
  /** What WeChat sends: inner XML encrypted into the envelope, plus the signed query. */
  sealCallback(msg: string, opts: SealOptions & { agentId?: string }): SealedCallback;
  /** An encrypted echostr for URL verification, plus its signed query. */
  sealEchostr(echo: string, opts: SealOptions): SignedQuery & { echostr: string };
  /** A passive reply in the 4-field encrypted envelope. */
  sealReply(msg: string, opts: SealOptions): string;
}

export function createCallbackCrypto(creds: CallbackCredentials): CallbackCrypto {
  const aes = aesKeyFromEncodingAESKey(creds.encodingAESKey);
  const sign = (timestamp: string, nonce: string, encrypt: string) => msgSignature(creds.token, timestamp, nonce, encrypt);

  const decryptSigned = (q: SignedQuery, encrypt: string): string => {
    if (!q.msg_signature || !signaturesEqual(sign(q.timestamp ?? '', q.nonce ?? '', encrypt), q.msg_signature)) {
      throw new CallbackCryptoError('signature_mismatch', 'msg_signature does not match');
    }
    const { msg, receiveId } = decryptMessage(aes, encrypt);
    if (receiveId !== creds.receiveId) throw new CallbackCryptoError('receiveid_mismatch', 'receiveid does not match');
    return msg;
  };

  const encrypt = (msg: string, random?: Buffer) => encryptMessage(aes, msg, creds.receiveId, random);

  return {
    decryptSigned,
    encrypt,
    verifyUrl: (q) => decryptSigned(q, q.echostr),
    openCallback(q, bodyXml) {
      const envelope = parseEnvelope(bodyXml);
      return { msg: decryptSigned(q, envelope.encrypt), envelope };
    },
    sealCallback(msg, opts) {
      const enc = encrypt(msg, opts.random);
      const body = buildEnvelope({ toUserName: creds.receiveId, ...(opts.agentId ? { agentId: opts.agentId } : {}), encrypt: enc });
      return { query: { msg_signature: sign(opts.timestamp, opts.nonce, enc), timestamp: opts.timestamp, nonce: opts.nonce }, body, encrypt: enc };
    },
    sealEchostr(echo, opts) {
      const enc = encrypt(echo, opts.random);
      return { msg_signature: sign(opts.timestamp, opts.nonce, enc), timestamp: opts.timestamp, nonce: opts.nonce, echostr: enc };
    },
    sealReply(msg, opts) {
      const enc = encrypt(msg, opts.random);
      return buildReplyEnvelope({ encrypt: enc, msgSignature: sign(opts.timestamp, opts.nonce, enc), timestamp: opts.timestamp, nonce: opts.nonce });
    },
  };
}
