// The error codes of WeChat's official callback library (WXBizMsgCrypt), identical in every
// language sample. Keeping them lets logs and support threads be matched one-to-one.

export const CRYPT_ERROR_CODES = {
  signature_mismatch: -40001,
  xml_parse: -40002,
  signature_compute: -40003,
  illegal_aes_key: -40004,
  receiveid_mismatch: -40005,
  aes_encrypt: -40006,
  aes_decrypt: -40007,
  illegal_buffer: -40008,
  base64_encode: -40009,
  base64_decode: -40010,
  build_xml: -40011,
} as const;

export type CryptErrorReason = keyof typeof CRYPT_ERROR_CODES;
export type CryptErrorCode = (typeof CRYPT_ERROR_CODES)[CryptErrorReason];

export class CallbackCryptoError extends Error {
  readonly reason: CryptErrorReason;
  readonly code: CryptErrorCode;

  constructor(reason: CryptErrorReason, message: string, opts: { cause?: unknown } = {}) {
    super(`${message} (${CRYPT_ERROR_CODES[reason]})`, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'CallbackCryptoError';
    this.reason = reason;
    this.code = CRYPT_ERROR_CODES[reason];
  }
}
