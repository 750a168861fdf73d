import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connectionErrorKey } from './connection-words.ts';
import { en } from '../../i18n/en.ts';
import { zhCN } from '../../i18n/zh-CN.ts';

const failed = (check: 'wecomContact' | 'oa', errcode: number | null) => ({ check, result: 'failed' as const, errcode, errmsg: 'x' });

test('errcodes map to words per product; unknown ones and no answer have their own words', () => {
  assert.equal(connectionErrorKey(failed('wecomContact', 40001)), 'wecom.40001');
  assert.equal(connectionErrorKey(failed('wecomContact', 60020)), 'wecom.60020');
  assert.equal(connectionErrorKey(failed('oa', 40125)), 'oa.40125');
  assert.equal(connectionErrorKey(failed('oa', 40164)), 'oa.40164');
  assert.equal(connectionErrorKey(failed('wecomContact', -1)), 'wecom.busy');
  assert.equal(connectionErrorKey(failed('wecomContact', 40125)), 'other');
  assert.equal(connectionErrorKey(failed('oa', null)), 'unreachable');
});

test('every key the mapping can give has words in both languages', () => {
  const codes = [-1, 40001, 40002, 40013, 40125, 40164, 41002, 41004, 42001, 45009, 60020, 89503, 12345, null];
  for (const dict of [zhCN, en]) {
    const errors = dict.settings.test.errors as Record<string, unknown>;
    for (const check of ['wecomContact', 'oa'] as const) {
      for (const code of codes) {
        const key = connectionErrorKey(failed(check, code));
        const words = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], errors);
        assert.equal(typeof words, 'string', `${key} in ${dict === en ? 'en' : 'zh-CN'}`);
      }
    }
  }
});
