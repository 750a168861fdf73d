import { test } from 'node:test';
import assert from 'node:assert/strict';
import { redactUrl } from './redact.ts';

test('masks tokens, secrets and OAuth codes in URLs and free text', () => {
  const url = 'https://qyapi.weixin.qq.com/cgi-bin/gettoken?corpid=ww1&corpsecret=S3CR3T&x=1';
  assert.equal(redactUrl(url), 'https://qyapi.weixin.qq.com/cgi-bin/gettoken?corpid=ww1&corpsecret=***&x=1');
  assert.equal(redactUrl('GET /cgi-bin/user/info?access_token=TOK&openid=o1 failed'), 'GET /cgi-bin/user/info?access_token=***&openid=o1 failed');
  assert.equal(redactUrl('/sns/oauth2/access_token?appid=wx1&secret=abc&code=C0DE&grant_type=authorization_code'), '/sns/oauth2/access_token?appid=wx1&secret=***&code=***&grant_type=authorization_code');
});

test('leaves other parameters alone', () => {
  assert.equal(redactUrl('/x?openid=o1&lang=zh_CN'), '/x?openid=o1&lang=zh_CN');
  assert.equal(redactUrl('/x?secretive=1'), '/x?secretive=1');
});
