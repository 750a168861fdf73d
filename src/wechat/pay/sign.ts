// WeChat Pay v2 MD5 signature (reference §7.1): non-empty parameters except `sign`, sorted by key
// (ASCII), joined `k=v&…`, then `&key=<APIv2 key>`, MD5, uppercase hex.
import { createHash, timingSafeEqual } from 'node:crypto';

export type PayParams = Record<string, string | number | undefined>;

export function payV2Sign(params: PayParams, apiKey: string): string {
  const pairs = Object.keys(params)
    .filter((k) => k !== 'sign' && params[k] !== undefined && params[k] !== '')
    .sort()
    .map((k) => `${k}=${params[k]}`);
  return createHash('md5').update(`${pairs.join('&')}&key=${apiKey}`, 'utf8').digest('hex').toUpperCase();
}

export function payV2SignatureValid(params: PayParams, apiKey: string): boolean {
  const given = Buffer.from(String(params.sign ?? ''));
  const expected = Buffer.from(payV2Sign(params, apiKey));
  return given.length === expected.length && timingSafeEqual(given, expected);
}
