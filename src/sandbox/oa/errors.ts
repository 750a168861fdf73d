// Official Account errors: HTTP 200 with errcode/errmsg, and an errmsg ending in ` rid: …` (a
// request id) so clients learn to branch on errcode, never on text (reference §0).
import { randomBytes } from 'node:crypto';

export class OaError extends Error {
  readonly errcode: number;
  constructor(errcode: number, message: string) {
    super(message);
    this.name = 'OaError';
    this.errcode = errcode;
  }
}

export const OA_ERRMSG: Record<number, string> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40002: 'invalid grant_type',
  40003: 'invalid openid',
  40004: 'invalid media type',
  40005: 'invalid file type',
  40006: 'invalid media size',
  40007: 'invalid media_id',
  40008: 'invalid message type',
  40009: 'invalid image size',
  40010: 'invalid voice size',
  40011: 'invalid video size',
  40012: 'invalid thumb size',
  40013: 'invalid appid',
  40014: 'invalid access_token',
  40029: 'invalid code',
  40030: 'invalid refresh_token',
  40032: 'invalid openid list size',
  40037: 'invalid template_id',
  40052: 'invalid action name',
  40053: 'invalid action info, please check document',
  40125: 'invalid appsecret',
  40163: 'code been used',
  41001: 'access_token missing',
  41002: 'appid missing',
  41004: 'appsecret missing',
  41005: 'media data missing',
  41008: 'missing code',
  41009: 'missing openid',
  42001: 'access_token expired',
  42002: 'refresh_token expired',
  42003: 'code expired',
  43004: 'require subscribe',
  44002: 'empty post data',
  44003: 'empty news data',
  44004: 'empty content',
  45009: 'reach max api daily quota limit',
  45008: 'article size out of limit',
  45015: 'response out of time limit or subscription is canceled',
  45047: 'out of response count limit',
  47001: 'data format error',
  47003: 'argument invalid!',
  48001: 'api unauthorized',
};

export function oaFail(errcode: number, message = OA_ERRMSG[errcode] ?? 'error'): never {
  throw new OaError(errcode, message);
}

/** `rid` like WeChat's: seconds in hex, then two random words. */
export function oaErrmsg(message: string, nowSec: number): string {
  const rid = `${nowSec.toString(16).padStart(8, '0')}-${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`;
  return `${message} rid: ${rid}`;
}
