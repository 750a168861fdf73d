// WeChat Pay v2 signature (reference §7.1): the non-empty parameters except `sign`, sorted by key
// (ASCII), joined `k=v&…`, then `&key=<APIv2 key>`, MD5, uppercase hex.
import { createHash, timingSafeEqual } from 'node:crypto';

export function payV2Sign(params: Record<string, string | number | undefined>, key: string): string {
  const pairs = Object.keys(params)
    .filter((k) => k !== 'sign' && params[k] !== undefined && params[k] !== '')
    .sort()
    .map((k) => `${k}=${params[k]}`);
  return createHash('md5').update(`${pairs.join('&')}&key=${key}`, 'utf8').digest('hex').toUpperCase();
}

export function payV2SignValid(params: Record<string, string>, key: string): boolean {
  const given = Buffer.from((params.sign ?? '').toUpperCase());
  const expected = Buffer.from(payV2Sign(params, key));
  return given.length === expected.length && timingSafeEqual(given, expected);
}
