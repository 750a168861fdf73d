import { test } from 'node:test';
import assert from 'node:assert/strict';
import { payV2Sign, payV2SignatureValid } from './sign.ts';

// The worked example of WeChat Pay's v2 signature documentation.
const DOC = { appid: 'wxd930ea5d5a258f4f', mch_id: '10000100', device_info: '1000', body: 'test', nonce_str: 'ibuaiVcKdpRxkhJA' };
const KEY = '192006250b4c09247ec02edce69f6a2d';

test('matches the documented MD5 example', () => {
  assert.equal(payV2Sign(DOC, KEY), '9A0A8659F005D6984697E2CA0A9CF3B7');
});

test('ignores empty values and the sign itself; order of keys does not matter', () => {
  const shuffled = { nonce_str: DOC.nonce_str, body: 'test', sign: 'X', empty: '', none: undefined, device_info: '1000', mch_id: '10000100', appid: DOC.appid };
  assert.equal(payV2Sign(shuffled, KEY), '9A0A8659F005D6984697E2CA0A9CF3B7');
});

test('verifies a signature and refuses a tampered parameter', () => {
  const signed = { ...DOC, sign: payV2Sign(DOC, KEY) };
  assert.equal(payV2SignatureValid(signed, KEY), true);
  assert.equal(payV2SignatureValid({ ...signed, body: 'tesT' }, KEY), false);
});
