// Checks shared by the WeCom and OA callback intakes. Refusals store nothing and answer JSON:
//   401 unauthorized — bad signature, timestamp outside the window, message for another receiver
//                      (we cannot trust it is WeChat writing to us, now)
//   400 bad_request  — malformed XML, undecryptable ciphertext, missing parameters
//   404 not_found    — unknown workspace;  409 conflict — workspace without callback settings
import { AppError } from '../../../errors.ts';
import { CallbackCryptoError } from '../../../wechat/protocol/index.ts';

/** Refuses a callback whose timestamp is more than `maxSkewSeconds` from now (replays, stale retries). */
export function checkTimestamp(timestamp: string, maxSkewSeconds: number, nowMs = Date.now()): void {
  const skew = Math.abs(nowMs / 1000 - Number(timestamp));
  if (!Number.isFinite(skew) || skew > maxSkewSeconds) {
    throw new AppError('unauthorized', `timestamp ${timestamp} is more than ${maxSkewSeconds} s away from the server clock`);
  }
}

/** The AppError answering a protocol failure. */
export function protocolFailure(err: unknown): AppError {
  if (!(err instanceof CallbackCryptoError)) return err instanceof AppError ? err : new AppError('bad_request', 'unreadable callback', { cause: err });
  switch (err.reason) {
    case 'signature_mismatch':
      return new AppError('unauthorized', 'signature does not match the callback token', { cause: err });
    case 'receiveid_mismatch':
      return new AppError('unauthorized', 'the message is addressed to another receiver (corpid/appid)', { cause: err });
    case 'illegal_aes_key':
      return new AppError('conflict', 'the workspace EncodingAESKey is invalid', { cause: err });
    case 'xml_parse':
      return new AppError('bad_request', `malformed XML: ${err.message}`, { cause: err });
    default:
      return new AppError('bad_request', `cannot decrypt the callback: ${err.message}`, { cause: err });
  }
}

/** Runs a protocol step, turning its failures into the AppError to answer. */
export function guard<T>(step: () => T): T {
  try {
    return step();
  } catch (err) {
    throw protocolFailure(err);
  }
}

export function requireXmlBody(body: unknown): string {
  if (typeof body !== 'string' || body.trim() === '') throw new AppError('bad_request', 'the callback body must be XML');
  return body;
}

/** Base64 never holds spaces; a `+` that arrived unescaped in a query string was decoded to one. */
export const restorePlus = (s: string) => s.replaceAll(' ', '+');
