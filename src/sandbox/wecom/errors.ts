// WeCom answers business errors with HTTP 200 and an errcode; errmsg carries a hint/IP/more-info
// suffix so clients learn to branch on errcode, never on text.
import { randomBytes, randomInt } from 'node:crypto';

export class WecomError extends Error {
  readonly errcode: number;
  constructor(errcode: number, message: string) {
    super(message);
    this.name = 'WecomError';
    this.errcode = errcode;
  }
}

export const wecomError = (errcode: number, message: string) => new WecomError(errcode, message);

/** Error messages WeCom uses verbatim for the common codes. */
export const ERRMSG: Record<number, string> = {
  [-1]: 'system busy',
  40001: 'invalid credential',
  40003: 'invalid userid',
  40007: 'invalid media_id',
  40013: 'invalid corpid',
  40014: 'invalid access_token',
  40056: 'invalid agentid',
  40058: 'invalid parameter',
  40096: 'invalid external userid',
  41001: 'access_token missing',
  41002: 'corpid missing',
  41004: 'corpsecret missing',
  41049: 'missing welcome_code',
  41050: 'invalid welcome_code',
  41051: 'externaluser has started chatting',
  42001: 'access_token expired',
  45009: 'api freq out of limit',
  47001: 'data format error',
  48002: 'api forbidden',
  60020: 'not allow to access from your ip',
  84061: 'not external contact',
  84074: 'no external contact permission',
};

export function errmsgWithSuffix(errcode: number, message: string, ip: string, nowSec: number): string {
  const hint = `${nowSec}_${randomInt(10, 99)}_${randomBytes(16).toString('hex')}`;
  return `${message}, hint: [${hint}], from ip: ${ip}, more info at https://open.work.weixin.qq.com/devtool/query?e=${errcode}`;
}
