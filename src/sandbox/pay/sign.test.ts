import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { payV2Sign, payV2SignValid } from './sign.ts';

describe('WeChat Pay v2 signature', () => {
  // The worked example of the official signing guide (pay.weixin.qq.com, "签名算法").
  const params = { appid: 'wxd930ea5d5a258f4f', mch_id: '10000100', device_info: '1000', body: 'test', nonce_str: 'ibuaiVcKdpRxkhJA' };
  const key = '192006250b4c09247ec02edce69f6a2d';

  it('matches the documented example', () => {
    assert.equal(payV2Sign(params, key), '9A0A8659F005D6984697E2CA0A9CF3B7');
  });

  it('ignores empty values and the sign itself, and checks case-insensitively', () => {
    const signed = { ...params, sign: '9a0a8659f005d6984697e2ca0a9cf3b7', empty: '' };
    assert.equal(payV2Sign(signed, key), '9A0A8659F005D6984697E2CA0A9CF3B7');
    assert.ok(payV2SignValid(signed, key));
    assert.ok(!payV2SignValid({ ...signed, body: 'test2' }, key));
    assert.ok(!payV2SignValid({ ...signed, sign: 'short' }, key));
  });
});
