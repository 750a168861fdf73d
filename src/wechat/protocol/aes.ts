// The callback AES scheme (reference §2 "AES scheme"): AES-256-CBC, key = base64(EncodingAESKey+"="),
// IV = first 16 key bytes, PKCS#7 padding to a 32-byte block (so Node's 16-byte auto-padding is off
// and we pad by hand), plaintext = random(16) | msg_len (uint32 BE) | msg | receiveid.
import { createCipheriv, createDecipheriv, randomInt } from 'node:crypto';
import { CallbackCryptoError } from './errors.ts';

const BLOCK = 32;
const RANDOM_LEN = 16;
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export interface AesKey {
  key: Buffer;
  iv: Buffer;
}

export function aesKeyFromEncodingAESKey(encodingAESKey: string): AesKey {
  if (!/^[A-Za-z0-9]{43}$/.test(encodingAESKey)) {
    throw new CallbackCryptoError('illegal_aes_key', 'EncodingAESKey must be 43 characters from [A-Za-z0-9]');
  }
  const key = Buffer.from(`${encodingAESKey}=`, 'base64');
  if (key.length !== 32) throw new CallbackCryptoError('illegal_aes_key', 'EncodingAESKey does not decode to 32 bytes');
  return { key, iv: key.subarray(0, 16) };
}

export function pkcs7Pad(data: Buffer): Buffer {
  const n = BLOCK - (data.length % BLOCK);
  return Buffer.concat([data, Buffer.alloc(n, n)]);
}

export function pkcs7Unpad(data: Buffer): Buffer {
  const n = data.at(-1) ?? 0;
  if (n < 1 || n > BLOCK || n > data.length) throw new CallbackCryptoError('illegal_buffer', 'bad PKCS#7 padding');
  for (let i = data.length - n; i < data.length; i++) {
    if (data[i] !== n) throw new CallbackCryptoError('illegal_buffer', 'bad PKCS#7 padding');
  }
  return data.subarray(0, data.length - n);
}

/** 16 printable characters, like the official samples draw them. */
export function randomPrefix(): Buffer {
  let s = '';
  for (let i = 0; i < RANDOM_LEN; i++) s += ALNUM[randomInt(ALNUM.length)];
  return Buffer.from(s, 'ascii');
}

export function encryptMessage(aes: AesKey, msg: string, receiveId: string, random: Buffer = randomPrefix()): string {
  if (random.length !== RANDOM_LEN) throw new CallbackCryptoError('aes_encrypt', 'random prefix must be 16 bytes');
  const body = Buffer.from(msg, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length, 0);
  const plain = pkcs7Pad(Buffer.concat([random, len, body, Buffer.from(receiveId, 'utf8')]));
  try {
    const cipher = createCipheriv('aes-256-cbc', aes.key, aes.iv);
    cipher.setAutoPadding(false);
    return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
  } catch (cause) {
    throw new CallbackCryptoError('aes_encrypt', 'AES encryption failed', { cause });
  }
}

export interface DecryptedMessage {
  msg: string;
  receiveId: string;
  random: Buffer;
}

export function decryptMessage(aes: AesKey, encrypt: string): DecryptedMessage {
  if (!encrypt || !BASE64.test(encrypt) || encrypt.length % 4 !== 0) {
    throw new CallbackCryptoError('base64_decode', 'ciphertext is not valid base64');
  }
  const cipherText = Buffer.from(encrypt, 'base64');
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-cbc', aes.key, aes.iv);
    decipher.setAutoPadding(false);
    plain = Buffer.concat([decipher.update(cipherText), decipher.final()]);
  } catch (cause) {
    throw new CallbackCryptoError('aes_decrypt', 'AES decryption failed', { cause });
  }
  const content = pkcs7Unpad(plain);
  if (content.length < RANDOM_LEN + 4) throw new CallbackCryptoError('illegal_buffer', 'decrypted buffer too short');
  const msgLen = content.readUInt32BE(RANDOM_LEN);
  const msgEnd = RANDOM_LEN + 4 + msgLen;
  if (msgEnd > content.length) throw new CallbackCryptoError('illegal_buffer', 'message length exceeds buffer');
  return {
    random: Buffer.from(content.subarray(0, RANDOM_LEN)),
    msg: content.subarray(RANDOM_LEN + 4, msgEnd).toString('utf8'),
    receiveId: content.subarray(msgEnd).toString('utf8'),
  };
}
